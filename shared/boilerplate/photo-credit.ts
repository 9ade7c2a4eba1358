// Photo credits and captions: "Photo: AFP", "Image source, Getty Images",
// "Image caption, …", "REUTERS/Evelyn Hockstein", "صورة أرشيفية", "(تصوير: …)",
// and a short caption line ending in its credit "(رويترز)".

import { alternation, caseVariants, endsWithFullStop, wordCount } from './line-shape';
import { PHOTO_AGENCIES } from './news-outlets';
import { lineRule } from './rule';

const PHOTO_LABELS = [
  'Photo',
  'Photos',
  'Photograph',
  'Photography',
  'Image',
  'Images',
  'Picture',
  'Pictures',
  'Pic',
  'Credit',
  'Credits',
  'Image credit',
  'Image source',
  'Image caption',
  'Photo credit',
  'Photo by',
  'Photograph by',
  'Photo illustration',
  'Caption',
  'Video',
  'Illustration',
  'File photo',
  'Media caption',
  'صورة',
  'الصورة',
  'صور',
  'الصور',
  'تصوير',
  'بعدسة',
  'عدسة',
  'مصدر الصورة',
  'صدر الصورة',
  'التعليق على الصورة',
  'تعليق الصورة',
  'صورة أرشيفية',
  'صورة تعبيرية',
  'صورة من',
  'فيديو',
  'الفيديو',
  'شاهد الفيديو',
  'شاهد',
];
const labelled = new RegExp(
  `^\\s*[(\\[]?\\s*(?:${alternation(caseVariants(PHOTO_LABELS))})\\s*(?:[:：,،\\-–—|]|[Bb]y\\b)`,
  'u',
);
const agencies = alternation(caseVariants(PHOTO_AGENCIES));
const creditOnly = new RegExp(
  `^\\s*[(\\[]?\\s*(?:${agencies})(?:\\s*(?:/|via|عبر|-|–)\\s*[^.،,]{1,50})?\\s*[)\\]]?\\s*$`,
  'u',
);
const captionWithCredit = new RegExp(`\\((?:[^()]{0,30}(?:/|:)\\s*)?(?:${agencies})[^()]{0,40}\\)\\s*$`, 'u');

/** A gallery counter ("1 /1", "3 / 12") or a caption ending in an agency acronym ("… Makkah. (SPA)"). */
const galleryCounter = /^\s*\d{1,3}\s*\/\s*\d{1,3}\s*$/u;
const acronymCredit = /\((?:[A-Z]{2,6}|[A-Z]{2,6}\s*\/\s*[\p{L} .'-]{2,40})\)\s*$/u;

export function isPhotoCreditLine(line: string): boolean {
  const n = wordCount(line);
  if (n === 0) return false;
  if (galleryCounter.test(line)) return true;
  if (acronymCredit.test(line) && n <= 25) {
    const before = line.replace(acronymCredit, '').trim();
    if (!endsWithFullStop(before) || n <= 15) return true;
  }
  if (labelled.test(line) && n <= 40) return !/^\s*(?:video|فيديو|الفيديو|شاهد)\b/iu.test(line) || n <= 15;
  if (creditOnly.test(line)) return true;
  // "الرئيس الأمريكي جو بايدن في البيت الأبيض (رويترز)": a caption, not a sentence.
  if (captionWithCredit.test(line) && n <= 25) {
    const before = line.replace(captionWithCredit, '');
    return !endsWithFullStop(before) || n <= 12;
  }
  return false;
}

export const photoCredit = lineRule('photo-credit', { key: 'rule.photo-credit' }, isPhotoCreditLine);
