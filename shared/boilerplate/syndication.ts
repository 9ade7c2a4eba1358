// Syndication credits: where a story was first published. "نقلاً عن صحيفة …", "* مجلة «فورين بوليسي»",
// "(خدمة «نيويورك تايمز»)", "This story was originally published by …", "This article first appeared
// in …", "Republished with permission", "Distributed by Tribune Content Agency". A whole short line;
// "نقلاً عن مصادر مطلعة، قال …" is a sentence and stays (it goes on after its source).

import { endsWithFullStop, wordCount } from './line-shape';
import { lineRule } from './rule';

const PUBLICATION = '(?:مجلة|صحيفة|جريدة|موقع|خدمة|وكالة|شبكة|قناة|دورية|نشرة)';
/** "* مجلة «فورين بوليسي»", "- خدمة «واشنطن بوست»": a starred or bare publication credit at the end. */
// Marked as a credit by a leading star, bracket or dash, or by the name in quotes ("موقع الحادث" is a crosshead).
const publicationCredit = new RegExp(
  `^[\\s\\u00A0]*(?:[*(\\-–—]\\s*${PUBLICATION}\\s+[«"“]?[^.،:؛«»]{2,40}?[»"”]?|${PUBLICATION}\\s+[«"“][^.،:؛«»"“”]{2,40}[»"”])\\s*[)]?[\\s\\u00A0]*$`,
  'u',
);
/** "نقلاً عن «الغارديان»", "ترجمة: … عن «الإيكونوميست»". */
const arabicFrom =
  /^[\s\u00A0]*[*(\-–—]?\s*(?:(?:نقلا|نقلاً|نقلًا|مترجم|مترجمة|ترجمة)\s*(?:\S+\s+){0,4}?عن|(?:ينشر|تنشر|يُنشر|تُنشر)?\s*(?:بالاتفاق|بالتعاون|بترتيب)\s+مع)\s+[«"“]?\S/u;
const english =
  /^[\s\u00A0]*[*([]?\s*(?:this (?:story|article|piece|report|column|essay|post|interview) (?:was|is|has been|first|originally)\s+(?:originally\s+|first\s+)?(?:published|appeared|ran|produced|written)\b|(?:a version of )?this (?:story|article) (?:originally )?appeared (?:in|on|first)|originally (?:published|appeared) (?:in|on|by|at)\b|(?:re)?published (?:here )?with (?:the )?permission|republished (?:from|with|under)|distributed by\b|syndicated by\b|reprinted (?:with|by) permission|this (?:story|article|content) is (?:published|produced|republished) (?:in partnership|in collaboration|under a)|provided by\b.{0,40}$)/iu;

/** Words every credit above has one of: most lines are turned away by this one cheap test. */
const cue = new RegExp(
  [
    String.raw`publish`,
    String.raw`appear`,
    String.raw`produc`,
    String.raw`permission`,
    String.raw`distributed`,
    String.raw`syndicated`,
    String.raw`reprinted`,
    String.raw`provided`,
    String.raw`partnership`,
    String.raw`collaboration`,
    String.raw`نقلا`,
    String.raw`نقلاً`,
    String.raw`نقلًا`,
    String.raw`ترجم`,
    String.raw`مترجم`,
    String.raw`بالاتفاق`,
    String.raw`بالتعاون`,
    String.raw`بترتيب`,
    String.raw`مجلة`,
    String.raw`صحيفة`,
    String.raw`جريدة`,
    String.raw`موقع`,
    String.raw`خدمة`,
    String.raw`وكالة`,
    String.raw`شبكة`,
    String.raw`قناة`,
    String.raw`دورية`,
    String.raw`نشرة`,
  ].join('|'),
  'iu',
);

export function isSyndicationLine(line: string): boolean {
  if (!cue.test(line)) return false;
  const n = wordCount(line);
  if (n === 0) return false;
  if (publicationCredit.test(line) && n <= 6) return true;
  if (arabicFrom.test(line) && n <= 10 && !endsWithFullStop(line.replace(/[»")]+\s*$/u, ''))) return true;
  return english.test(line) && n <= 45;
}

export const syndication = lineRule('syndication', { key: 'rule.syndication' }, isSyndicationLine);
