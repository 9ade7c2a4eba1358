// Words an article sentence starts with. Where an injected headline is glued to the next
// sentence ("…من ضيفه كيشيداوبحسب وكالة…"), the sentence resumes at one of these.

import { alternation } from './line-shape';

const verbs = [
  'قال', 'قالت', 'أكد', 'أكدت', 'اكد', 'اكدت', 'أضاف', 'أضافت', 'اضاف', 'اضافت', 'أعلن', 'أعلنت', 'اعلن', 'اعلنت',
  'أشار', 'أشارت', 'اشار', 'اشارت', 'تابع', 'تابعت', 'أوضح', 'أوضحت', 'اوضح', 'اوضحت', 'ذكر', 'ذكرت', 'أفاد', 'أفادت',
  'افاد', 'افادت', 'نقل', 'نقلت', 'جاء', 'كان', 'كانت', 'تأتي', 'يأتي', 'شدد', 'شددت', 'لفت', 'لفتت', 'أظهر', 'أظهرت',
  'يذكر', 'يشار', 'تعد', 'يعد', 'تعتبر', 'يعتبر', 'أعرب', 'أعربت', 'اعرب', 'اعربت', 'دعا', 'دعت', 'اعتبر', 'اعتبرت',
  'أفادت', 'بحسب', 'وفق', 'وفقا', 'وفقاً', 'بدوره', 'بدورها', 'فيما', 'بينما', 'أوردت', 'أورد', 'كشف', 'كشفت',
  'يأتي', 'تشير', 'يشير', 'تقول', 'يقول', 'أصدر', 'أصدرت', 'عقد', 'عقدت', 'التقى', 'استقبل', 'استقبلت', 'وصل', 'وصلت',
  'أجرى', 'أجرت', 'تعهد', 'تعهدت', 'رحب', 'رحبت', 'حذر', 'حذرت', 'طالب', 'طالبت', 'انطلقت', 'شهدت', 'شهد',
  'يتوقع', 'تتوقع', 'يرى', 'ترى', 'يؤكد', 'تؤكد', 'يعتزم', 'تعتزم', 'يواصل', 'تواصل', 'يعمل', 'تعمل', 'يبلغ', 'تبلغ',
  'يشهد', 'تشهد', 'يسعى', 'تسعى', 'يستعد', 'تستعد', 'يحتاج', 'تحتاج', 'يمكن', 'ينتظر', 'تنتظر', 'أصبح', 'أصبحت', 'بات', 'باتت',
  'بلغ', 'بلغت', 'ارتفع', 'ارتفعت', 'انخفض', 'انخفضت', 'تراجع', 'تراجعت', 'سجل', 'سجلت', 'قرر', 'قررت', 'أوصى', 'أوصت',
  'من جانبه', 'من جانبها', 'من جهته', 'من جهتها', 'في المقابل', 'في سياق', 'في وقت', 'في الأثناء', 'على صعيد',
  'في هذا السياق', 'في غضون', 'بالتزامن',
];

/** Arabic openers with the conjunction و or ف attached, e.g. "وبحسب", "فيما". At least four letters. */
export const ARABIC_OPENERS: readonly string[] = [
  ...verbs.map((v) => `و${v}`),
  ...verbs.filter((v) => !v.includes(' ')).map((v) => `ف${v}`),
  'فيما', 'بينما', 'كما', 'يذكر أن', 'يشار إلى', 'تجدر الإشارة', 'من جانبه', 'من جانبها', 'من جهته', 'من جهتها',
].filter((w) => w.replace(/\s/g, '').length >= 4);

/** Openers that may follow a headline glued without a space (only the و/ف forms, to avoid "انتقال" → "انت|قال"). */
export const ARABIC_GLUED_OPENERS: readonly string[] = ARABIC_OPENERS.filter(
  (w) => (w.startsWith('و') || w.startsWith('ف')) && !w.includes(' ') && w.length >= 4 && w !== 'فيما',
);

export const ENGLISH_OPENERS: readonly string[] = [
  'The', 'He', 'She', 'They', 'It', 'In', 'On', 'At', 'But', 'And', 'This', 'That', 'These', 'Those', 'However',
  'According', 'Officials', 'Meanwhile', 'Earlier', 'Last', 'A', 'An', 'Speaking', 'After', 'While', 'When', 'Since',
  'Police', 'Authorities', 'Mr', 'Ms', 'Mrs', 'Dr', 'We', 'I', 'Our', 'His', 'Her', 'Their', 'There',
];

/** Short conjunction + preposition openers ("وفي", "ومن"): glue only where a headline is known to end. */
export const ARABIC_SHORT_OPENERS: readonly string[] = ['وفي', 'ومن', 'وعلى', 'وقد', 'وعن', 'ولم', 'وهو', 'وهي', 'وإذ', 'ومع', 'وبعد', 'وقبل', 'ولكن', 'لكن', 'غير أن'];

export const arabicGluedOpener = new RegExp(`(?:${alternation(ARABIC_GLUED_OPENERS)})(?![\\u0621-\\u064A])`, 'u');
