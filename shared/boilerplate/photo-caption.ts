// Photo captions that end in their credit, whatever their length: the caption is the scraped
// alt text of a picture, the credit says so. "FILE PHOTO: … REUTERS/Lucas Jackson/File Photo",
// "… May 19, 2020.REUTERS/Kim Kyung-Hoon", "… (Mario Tama/Getty Images)", "… Courtesy photo",
// "… (AP Photo/Jane Doe)", "… (الصورة: رويترز)"; USA Today's "Show caption Hide caption …";
// and a credit alone in brackets under a picture ("(University of Rochester)").
// A sentence of the article that ends "(Reuters)" is not matched: the credit needs its slash,
// a photo word or the caption's label.

import { alternation, caseVariants, endsWithFullStop, wordCount } from './line-shape';
import { NEWS_AGENCIES, PHOTO_AGENCIES } from './news-outlets';
import { lineRule } from './rule';

const agencies = alternation(
  caseVariants([
    ...PHOTO_AGENCIES,
    'Getty Images for',
    'AP Photo',
    'The Washington Post',
    'The New York Times',
    'USA TODAY',
    'USA Today',
    'Bloomberg News',
    'NurPhoto via Getty Images',
    'SOPA Images/LightRocket',
  ]),
);
/**
 * An agency we do not know by name, in capitals, before the photographer's capitalized name after a date:
 * "…, May 19, 2020. NOTICIA/Jane Doe". With the site's own name changed, reuters' captions were found only so.
 */
const unknownAgency = String.raw`(?<=\d{4}\.?\s+)[A-Z]{2,10}(?=\s*/\s*[A-Z][a-z])`;
/**
 * "REUTERS/Name", "AP Photo/Name", "(Name/AFP/Getty Images)", "(AP Photo/Name)", optionally "/File Photo", at the end.
 */
const slashCredit = new RegExp(
  `(?:(?:REUTERS|Reuters|AP Photo|AFP|EPA|EPA-EFE|XINHUA|Xinhua|ANADOLU|UPI|${unknownAgency})\\s*/\\s*[\\p{L}.'’ -]{2,40}(?:\\s*/\\s*(?:File Photo|FILE PHOTO|Pool|POOL|File|Handout|HANDOUT)){0,2}|\\((?:[^()]{2,50}\\s*/\\s*)+(?:${agencies})[^()]{0,30}\\)|\\((?:${agencies})(?:\\s+Photo)?\\s*/\\s*[^()]{2,60}\\))\\s*$`,
  'u',
);
/**
 * "… Courtesy photo", "(Courtesy of the family)", "Photo courtesy of …": capitalized, as a credit is ("…, courtesy of
 * the family." is prose).
 */
const courtesy =
  /(?:\(|\s|^)(?:Courtesy(?:\s+(?:[Pp]hoto|[Ii]mage|[Pp]icture))?(?:\s+of\s+[^()]{2,50})?|(?:Photo|Photograph|Image)\s+courtesy\s+of\s+[^().]{2,50}|(?:Staff|File|Handout)\s+photo)\)?\s*$/u;
const labelled = /^[\s\u00A0]*(?:FILE PHOTO|File photo|FILE PICTURE|PHOTO|Photo|IMAGE|Pictured|PICTURED)\s*:\s*\S/u;
/** "Credit...Jane Doe for The Times", "Image…Getty Images": a credit line after its caption. */
const creditDots = /^[\s\u00A0]*(?:Credit|Image|Photo|Video)(?:\.{3}|…)\s*\S/u;
/** "… Photograph: Jo Hale/Getty Images", "… الصورة: رويترز": the credit label closing the caption. */
const trailingLabel =
  /[.!?"”’)\]\s]\s*(?:Photograph|Photo|Picture|Image|Illustration|Composite|الصورة|صورة|تصوير)\s*[:：]\s*[^.:،]{2,60}$/u;
/** A short caption ending in its outlet in brackets: "ركاب داخل عربات المترو (سكاي نيوز عربية)". */
const outletCredit = new RegExp(`\\((?:${alternation(NEWS_AGENCIES)})\\)[\\s\\u00A0]*$`, 'u');
/** NPR and others print the caption button after the caption: "… Jane Doe/Station hide caption". */
const captionButtonEnd = /\s(?:hide|toggle|show) caption[\s\u00A0]*$/iu;
const showCaption =
  /^[\s\u00A0]*(?:show caption\s+hide caption|hide caption\s+show caption|toggle caption|expand caption|caption)\b/iu;
const arabicCredit = /\((?:الصورة|صورة|تصوير|الصور|عدسة|بعدسة|مصدر الصورة)\s*[:：\-–—]\s*[^()]{2,50}\)\s*$/u;
/** "(University of Rochester)", "(Debra Vasalech Lyons)": a name alone in brackets, capitalized words. */
const bracketedName =
  /^[\s\u00A0]*\((?:[A-Z][\p{L}.'’&-]*|of|for|the|and|de|via|at|E\.)(?:\s+(?:[A-Z][\p{L}.'’&-]*|of|for|the|and|de|via|at|[A-Z]\.)){0,7}(?:\s*\/\s*[^()]{2,40})?\)[\s\u00A0]*$/u;

export function isPhotoCaptionLine(line: string): boolean {
  const n = wordCount(line);
  if (n === 0 || n > 110) return false;
  if ((showCaption.test(line) && n >= 3) || (creditDots.test(line) && n <= 20) || captionButtonEnd.test(line))
    return true;
  if (labelled.test(line) && (slashCredit.test(line) || n <= 80)) return true;
  if (trailingLabel.test(line) && n <= 80) return true;
  if (outletCredit.test(line) && n <= 20 && !endsWithFullStop(line.replace(outletCredit, ''))) return true;
  if (!/[/(]|ourtesy|photo/iu.test(line)) return false;
  if (slashCredit.test(line) || arabicCredit.test(line)) return true;
  if (courtesy.test(line) && n <= 80) return true;
  // Two words at least: "(Applause)" in a transcript is no credit.
  return bracketedName.test(line) && n >= 2 && n <= 8 && !endsWithFullStop(line.replace(/\)\s*$/u, ''));
}

export const photoCaption = lineRule('photo-caption', { key: 'rule.photo-caption' }, isPhotoCaptionLine);
