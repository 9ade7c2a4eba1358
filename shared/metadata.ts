// Document metadata read off the scraped text: title (a headline-like first line),
// published date (from the date line, as ISO), source name (the last source line: the
// site, after the agencies it credits), keywords (from the keyword line, letters normalized).

import type { Suggestions } from './api';
import { isDateLine } from './boilerplate/date-line';
import { keywordLineContent } from './boilerplate/keywords-line';
import { normalizeLetterVariants } from './boilerplate/letter-variants';
import { isHeadlineLike, wordCount } from './boilerplate/line-shape';
import { findNewsDate, toIsoDate } from './boilerplate/news-date';
import { splitLines } from './boilerplate/rule';
import { sourceLineName } from './boilerplate/source-line';

type Metadata = Suggestions['metadata'];

// Social platforms a site tags every post that embeds one; a keyword only when the article talks about them.
const PLATFORM_TAGS = [
  'تويتر',
  'فيسبوك',
  'فيس بوك',
  'غوغل',
  'جوجل',
  'قوقل',
  'يوتيوب',
  'إنستغرام',
  'انستغرام',
  'انستجرام',
  'تيك توك',
  'واتساب',
  'تلغرام',
  'تيليجرام',
  'منصة إكس',
  'إكس',
  'اكس',
  'سناب شات',
  'لينكد إن',
  'twitter',
  'facebook',
  'google',
  'youtube',
  'instagram',
  'tiktok',
  'whatsapp',
  'telegram',
  'x',
  'snapchat',
  'linkedin',
  'threads',
];
const platformSet = new Set(PLATFORM_TAGS.map((p) => p.toLowerCase()));
const multiWordPlatforms = PLATFORM_TAGS.filter((p) => p.includes(' '));

function normalizeWords(text: string): string {
  return text
    .split(/(\s+)/u)
    .map((w) => normalizeLetterVariants(w).replace(/\u0640/gu, ''))
    .join('')
    .trim();
}

/** Whether `phrase` occurs in `body` as whole words (an Arabic clitic و ب ل ف ك may precede it). */
function occursIn(body: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{M}])(?:[وبلفك]|ال|وال|بال|لل)?${escaped}(?![\\p{L}\\p{M}])`, 'iu').test(body);
}

/**
 * Splits a keyword line into keywords. Separators (، , | ; #) split it when present; a
 * line of space-separated words is cut into the longest phrases found in the article body,
 * and Arabic noun + adjective pairs (البيت الأبيض, كوريا الشمالية) stay together.
 */
export function splitKeywords(content: string, body: string): string[] {
  const text = normalizeWords(content);
  const normalizedBody = normalizeWords(body);
  let phrases: string[];
  if (/[،,|;؛#]|\s[-–—/]\s/u.test(text)) {
    phrases = text
      .split(/\s*(?:[،,|;؛]|\s[-–—/]\s|#)\s*/u)
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
  } else {
    const ws = text.split(/\s+/u).filter((w) => w.length > 0);
    phrases = [];
    for (let i = 0; i < ws.length;) {
      let taken = 1;
      for (let n = Math.min(4, ws.length - i); n >= 2; n--) {
        const phrase = ws.slice(i, i + n).join(' ');
        if (multiWordPlatforms.includes(phrase) || occursIn(normalizedBody, phrase)) {
          taken = n;
          break;
        }
      }
      if (taken === 1 && i + 1 < ws.length && isAdjectivePair(ws[i], ws[i + 1])) taken = 2;
      phrases.push(ws.slice(i, i + taken).join(' '));
      i += taken;
    }
  }
  const seen = new Set<string>();
  // Hashtags write spaces as underscores: #رؤية_2030.
  phrases = phrases.map((p) => p.replace(/^#/u, '').replace(/_/gu, ' ').trim()).filter((p) => p.length > 0);
  return phrases.filter((p) => {
    const key = p.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return !(platformSet.has(key) && !occursIn(normalizedBody, p));
  });
}

/** "البيت الأبيض", "كوريا الشمالية": a word followed by a definite adjective agreeing with it. */
function isAdjectivePair(first: string, second: string): boolean {
  if (!/^[\u0621-\u064A]+$/u.test(first) || !/^ال[\u0621-\u064A]{2,}$/u.test(second)) return false;
  // A nisba adjective agrees in gender: كوريا الشمالية, المجلس الوطني — not النفط السعودية.
  if (/(?:ية|يه)$/u.test(second)) return /[ةاى]$/u.test(first);
  if (/ي$/u.test(second)) return !/[ةا]$/u.test(first);
  // Otherwise both definite, the second an adjective: a colour or elative (البيت الأبيض, الشرق الأوسط)
  // or a participle (الأمم المتحدة) — not two names in a row (السعودية الرياض).
  return (
    first.startsWith('ال') && (/^ال[أا][\u0621-\u064A]{3}$/u.test(second) || /^الم[\u0621-\u064A]{2,}ة$/u.test(second))
  );
}

/** The headline: the first line with text, when it reads as one (not a date or source line). */
function titleOf(first: string): string | undefined {
  return isHeadlineLike(first, 30) && !isDateLine(first) && sourceLineName(first) === undefined && wordCount(first) >= 2
    ? first
    : undefined;
}

/** The title alone, read off the first line with text (the document list shows it for every document). */
export function extractTitle(source: string): string | undefined {
  const first = /\S[^\r\n]*/u.exec(source.slice(0, 4096))?.[0].trim();
  return first ? titleOf(first) : undefined;
}

export function extractMetadata(source: string): Metadata {
  const lines = splitLines(source).map((l) => l.text);
  const meta: Metadata = {};

  const firstIndex = lines.findIndex((l) => l.trim().length > 0);
  if (firstIndex >= 0) {
    const title = titleOf(lines[firstIndex].trim());
    if (title !== undefined) meta.title = title;
  }

  // Published before updated: take the first date line that is not an update stamp, else the first one.
  const dateLines = lines.filter((l) => isDateLine(l));
  const published = dateLines.find((l) => !/updated|modified|تحديث|تعديل/iu.test(l)) ?? dateLines[0];
  const date = published ? findNewsDate(published) : undefined;
  if (date) meta.published = toIsoDate(date);

  const sources = lines.map((l) => sourceLineName(l)).filter((s): s is string => s !== undefined);
  if (sources.length > 0) meta.sourceName = sources[sources.length - 1];

  const keywordIndex = lines.findIndex((l) => keywordLineContent(l) !== undefined);
  if (keywordIndex >= 0) {
    const body = lines.filter((_, i) => i !== keywordIndex).join('\n');
    const keywords = splitKeywords(keywordLineContent(lines[keywordIndex])!, body);
    if (keywords.length > 0) meta.keywords = keywords;
  }
  return meta;
}
