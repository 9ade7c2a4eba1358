// The interface encloses each value of a message in FSI … PDI (shared/i18n/translate.ts, isolateValues). Tests
// that compare what the interface says write the isolates where the values are (`isolated`), or, where only the
// words matter, compare the words alone (`words`).
import { FSI, PDI, withoutIsolates } from '../../shared/i18n/translator';

/** The expected text with each text `${value}` enclosed in FSI … PDI (numbers as they are), as the interface says it. */
export function isolated(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  const shown = (v: string | number) => (typeof v === 'number' ? String(v) : `${FSI}${v}${PDI}`);
  return strings.reduce((out, s, i) => out + (i ? shown(values[i - 1]!) : '') + s, '');
}

/** What the interface says with the isolates taken out: its words, as a reader sees them. */
export function words(text: string | null | undefined): string {
  return withoutIsolates(text ?? '');
}
