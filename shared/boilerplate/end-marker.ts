// Wire end and part markers: "// انتهى //", "/انتهى/", "(انتهى)", "-END-", "(END)", "###",
// "-30-", "// يتبع //", and the part headings of a long wire story ("إضافة أولى", "إضافة خامسة
// وأخيرة", "Add 1"). Agencies print the transmission time on the line after the end marker
// ("20:26 ت م", "1426 GMT"): it goes with it.

import { asciiDigits } from './news-date';
import { defineRule } from './rule';
import type { SuggestedEdit } from '../api';

const end = /^[\s\u00A0]*(?:[/\\(\[{<«ـ_*=~-]+[\s\u00A0]*)?(?:انتهى|انتهي|النهاية|نهاية الخبر|يتبع|تتمة|end|ends|endit|more|30)(?:[\s\u00A0]*[/\\)\]}>»ـ_*=~-]+)?[\s\u00A0]*$/iu;
/** The bare word needs its marks on both sides ("انتهى" alone could be a one-word line of prose). */
const marked = /[/\\(\[{<«ـ_*=~-].*[/\\)\]}>»ـ_*=~-]/u;
const hashes = /^[\s\u00A0]*#{3}[\s\u00A0]*$/u;
const ORDINALS = 'أولى|اولى|ثانية|ثالثة|رابعة|خامسة|سادسة|سابعة|ثامنة|تاسعة|عاشرة|أخيرة|اخيرة';
const part = new RegExp(`^[\\s\\u00A0]*(?:[/(ـ-]+[\\s\\u00A0]*)?إضافة[\\s\\u00A0]+(?:${ORDINALS})(?:[\\s\\u00A0]+و(?:${ORDINALS}))?(?:[\\s\\u00A0]*[/)ـ-]+)?[\\s\\u00A0]*$|^[\\s\\u00A0]*(?:ADD|Add)[\\s\\u00A0]+\\d{1,2}[\\s\\u00A0]*$`, 'u');
/** "20:26 ت م", "19:05 ت غ", "1426 GMT", "14:26 بتوقيت غرينتش". */
const transmissionTime = /^[\s\u00A0]*\d{1,2}:?\d{2}[\s\u00A0]*(?:ت[\s\u00A0]*[مغ]|GMT|UTC|بتوقيت[\s\u00A0]+\S+(?:[\s\u00A0]+\S+)?|local)?[\s\u00A0]*$/iu;

export function isEndMarkerLine(line: string): boolean {
  if (hashes.test(line) || part.test(line)) return true;
  return end.test(line) && marked.test(line.trim());
}

export const endMarker = defineRule({
  id: 'end-marker',
  description: 'A wire end or part marker ("// انتهى //", "-END-", "إضافة أولى") with the time line after it.',
  language: 'any',
  detect(_text, ctx) {
    const out: SuggestedEdit[] = [];
    const lines = ctx.lines;
    for (let i = 0; i < lines.length; i++) {
      if (!isEndMarkerLine(lines[i].text)) continue;
      const next = lines[i + 1];
      const last = next && transmissionTime.test(asciiDigits(next.text)) && next.text.trim().length > 0 ? next : lines[i];
      out.push(ctx.suggestLines(lines[i], last, 'end-marker'));
      i = last.index;
    }
    return out;
  },
});
