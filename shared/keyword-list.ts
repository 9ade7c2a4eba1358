// A document's keywords as one line to read.
import { paragraphDirection } from './text-direction';

/**
 * Each keyword followed by the comma of its own script (the Arabic comma after an Arabic keyword,
 * "," after an English one), so English keywords read "Egypt, Cinema", not "Egypt، Cinema".
 */
export function joinKeywords(keywords: readonly string[]): string {
  return keywords
    .map((k, i) => (i === keywords.length - 1 ? k : `${k}${paragraphDirection(k) === 'rtl' ? '،' : ','} `))
    .join('');
}
