// Wire end and part markers: "// انتهى //", "/انتهى/", "(انتهى)", "-END-", "(END)", "###",
// "-30-", "// يتبع //", and the part headings of a long wire story ("إضافة أولى", "إضافة خامسة
// وأخيرة", "Add 1"). Agencies print the transmission time on the line after the end marker
// ("20:26 ت م", "1426 GMT") or the desk's initials ("ع ب ص / م ف ع"): they go with it.

import { asciiDigits } from './news-date';
import { lineRule } from './rule';

const end =
  /^[\s\u00A0]*(?:[/\\(\[{<«ـ_*=~-]+[\s\u00A0]*)?(?:انتهى|انتهي|النهاية|نهاية الخبر|يتبع|تتمة|end|ends|endit|more|30)(?:[\s\u00A0]*[/\\)\]}>»ـ_*=~-]+)?[\s\u00A0]*$/iu;
/** The bare word needs its marks on both sides ("انتهى" alone could be a one-word line of prose). */
const marked = /[/\\(\[{<«ـ_*=~-].*[/\\)\]}>»ـ_*=~-]/u;
const hashes = /^[\s\u00A0]*#{3}[\s\u00A0]*$/u;
const ORDINALS = 'أولى|اولى|ثانية|ثالثة|رابعة|خامسة|سادسة|سابعة|ثامنة|تاسعة|عاشرة|أخيرة|اخيرة';
const part = new RegExp(
  `^[\\s\\u00A0]*(?:[/(ـ-]+[\\s\\u00A0]*)?إضافة[\\s\\u00A0]+(?:${ORDINALS})(?:[\\s\\u00A0]+و(?:${ORDINALS}))?(?:[\\s\\u00A0]*[/)ـ-]+)?[\\s\\u00A0]*$|^[\\s\\u00A0]*(?:ADD|Add)[\\s\\u00A0]+\\d{1,2}[\\s\\u00A0]*$`,
  'u',
);
/** "20:26 ت م", "19:05 ت غ", "1426 GMT", "14:26 بتوقيت غرينتش". */
const transmissionTime =
  /^[\s\u00A0]*\d{1,2}:?\d{2}[\s\u00A0]*(?:ت[\s\u00A0]*[مغ]|GMT|UTC|بتوقيت[\s\u00A0]+\S+(?:[\s\u00A0]+\S+)?|local)?[\s\u00A0]*$/iu;

/** The desk's initials under the marker (KUNA, Petra): "ع ب ص / م ف ع". */
const deskInitials =
  /^[\s\u00A0]*(?:[\u0621-\u064A](?:[\s\u00A0]+|$)){1,5}(?:\/[\s\u00A0]*(?:[\u0621-\u064A](?:[\s\u00A0]+|$)){1,5})*[\s\u00A0]*$/u;

export function isEndMarkerLine(line: string): boolean {
  if (hashes.test(line) || part.test(line)) return true;
  return end.test(line) && marked.test(line.trim());
}

export const endMarker = lineRule('end-marker', { key: 'rule.end-marker' }, isEndMarkerLine, (lines, i) => {
  // The time and the desk's initials under it go along (up to two lines).
  let last = i;
  for (let j = i + 1; j < lines.length && j <= i + 2; j++) {
    const t = lines[j].text;
    if (t.trim().length === 0 || !(transmissionTime.test(asciiDigits(t)) || deskInitials.test(t))) break;
    last = j;
  }
  return last;
});
