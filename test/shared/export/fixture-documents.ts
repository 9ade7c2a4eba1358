// Documents that exercise every export: emoji, a flag, combining marks (عمّان), CRLF,
// a BOM, nested entities, a span inside removed boilerplate, a span clipped by an
// edit, a glued clitic (و+بايدن) tagged without the و, a quote across a line break,
// a quote whose speaker is hidden, and a sidecar older than its text.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Edit, Entity, Quote, Sidecar } from '../../../shared/model';
import { serializeSidecar } from '../../../shared/sidecar';

const BOM = '\uFEFF';

/** Code-point [start, end) of the n-th occurrence of `needle` in `text`. */
export function find(text: string, needle: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not in fixture text`);
  }
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(needle).length };
}

export function sha256(bytes: string | Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function sidecarFor(file: string, fileBytes: Buffer, text: string, parts: Partial<Sidecar>): Sidecar {
  return {
    format: 'tahrir-annotations',
    version: 1,
    source: { file, sha256: sha256(fileBytes), length: Array.from(text).length },
    document: { status: 'done', title: file },
    edits: [],
    entities: [],
    quotes: [],
    ...parts,
  };
}

export interface FixtureDocument {
  id: string;
  /** The decoded source text (no BOM). */
  text: string;
  /** What is on disk. */
  bytes: Buffer;
  sidecar: Sidecar | null;
}

// ---- "mixed": Arabic and English, CRLF, BOM on disk ----
const L1 = 'Breaking 🇯🇵 news 😀 from عمّان\r\n';
const L2 = 'قال وبايدن في مؤتمر: "نحن منفتحون على الحوار\r\nدون شروط".\r\n';
const L3 = 'إقرأ المزيد: كيشيدا يزور واشنطن\r\n';
const L4 = 'Joe Biden met Fumio Kishida in Tokyo Bay area 👍🏽.\r\n';
// Characters Python's str.split() takes for whitespace and JavaScript's \s does not (U+0085, U+001C), NBSP, thin space.
const L5 = 'Sources:\u0085Reuters\u2009and\u00A0AP\u001c.\r\n';
export const MIXED_TEXT = L1 + L2 + L3 + L4 + L5;

function mixed(): FixtureDocument {
  const t = MIXED_TEXT;
  const entity = (id: string, needle: string, label: string, nth = 0, extra: Partial<Entity> = {}): Entity => ({
    id,
    ...find(t, needle, nth),
    label,
    text: needle,
    ...extra,
  });
  const readMore = find(t, L3);
  const area = find(t, ' area');
  const edits: Edit[] = [
    { id: 'e1', ...readMore, text: L3, replacement: '', kind: 'boilerplate', rule: 'read-more' },
    { id: 'e2', ...area, text: ' area', replacement: '', kind: 'boilerplate' },
  ];
  const entities: Entity[] = [
    entity('t1', '🇯🇵', 'MISC'),
    entity('t2', 'عمّان', 'GPE'),
    entity('t3', 'بايدن', 'PERSON', 0, { link: 'Q6279' }), // glued to و
    entity('t4', 'كيشيدا', 'PERSON'), // inside the removed read-more line
    entity('t5', 'Joe Biden', 'PERSON', 0, { link: 'Q6279' }),
    entity('t6', 'Fumio Kishida', 'PERSON'),
    entity('t7', 'Tokyo Bay area', 'LOC'), // clipped to "Tokyo Bay" by e2
    entity('t8', 'Tokyo', 'GPE'), // nested in t7
    entity('t9', 'Reuters\u2009and\u00A0AP', 'ORG'),
  ];
  const quoteText = 'نحن منفتحون على الحوار\r\nدون شروط';
  const quotes: Quote[] = [
    { id: 'q1', ...find(t, quoteText), text: quoteText, speaker: 't3', kind: 'direct' },
    { id: 'q2', ...find(t, 'Fumio Kishida in Tokyo'), text: 'Fumio Kishida in Tokyo', speaker: 't4', kind: 'indirect' },
  ];
  const bytes = Buffer.from(BOM + t, 'utf8');
  return { id: 'mixed', text: t, bytes, sidecar: sidecarFor('mixed.txt', bytes, t, { edits, entities, quotes }) };
}

// ---- "sub/older": the text gained a first line after the sidecar was written ----
const OLD_TEXT = 'Kishida met Biden in Washington.\n';
export const OLDER_TEXT = 'Tokyo, April 2024 😀\n' + OLD_TEXT;

function older(): FixtureDocument {
  const old = OLD_TEXT;
  const entities: Entity[] = [
    { id: 't1', ...find(old, 'Kishida'), label: 'PERSON', text: 'Kishida' },
    { id: 't2', ...find(old, 'Biden'), label: 'PERSON', text: 'Biden' },
    { id: 't3', ...find(old, 'Washington'), label: 'GPE', text: 'Washington' },
  ];
  const sidecar = sidecarFor('older.txt', Buffer.from(old, 'utf8'), old, { entities });
  return { id: 'sub/older', text: OLDER_TEXT, bytes: Buffer.from(OLDER_TEXT, 'utf8'), sidecar };
}

// ---- "plain": no sidecar yet ----
function plain(): FixtureDocument {
  const t = 'A document nobody has annotated yet.\n';
  return { id: 'plain', text: t, bytes: Buffer.from(t, 'utf8'), sidecar: null };
}

export function fixtureDocuments(): FixtureDocument[] {
  return [mixed(), older(), plain()];
}

/** Writes the fixture documents as a workspace into `dir`. */
export async function writeFixtureWorkspace(dir: string, docs = fixtureDocuments()): Promise<void> {
  for (const doc of docs) {
    const textPath = join(dir, `${doc.id}.txt`);
    await mkdir(dirname(textPath), { recursive: true });
    await writeFile(textPath, doc.bytes);
    if (doc.sidecar) await writeFile(join(dir, `${doc.id}.annotations.json`), serializeSidecar(doc.sidecar));
  }
}
