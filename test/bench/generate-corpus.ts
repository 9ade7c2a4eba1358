// Deterministic bench inputs: a long mixed Arabic/English article with many word-aligned
// entities and quotes, and a workspace of many short articles, each with its sidecar.
// Same seed → same bytes, so runs compare. Shared by the browser, CLI and export benches.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Edit, Entity, Quote, Sidecar } from '../../shared/model';
import { seededRandom } from '../../shared/seeded-random';
import { serializeSidecar } from '../../shared/sidecar';

const ARABIC_WORDS = (
  'قال أضاف أكد أعلن الرئيس الوزير الحكومة المحادثات الاتفاق الأمن الدولي الاقتصاد العلاقات الدفاعية ' +
  'الاستخباراتية التهديدات المنطقة الشمالية الجنوبية الولايات المتحدة خلال زيارته الأربعاء الخميس ' +
  'مؤتمر صحفي مشترك مع في على من إلى عن أن إن هذا هذه التي الذي بين بعد قبل حول دون شروط مسبقة ' +
  'مساعي لعقد قمة استعداد إدارته لإجراء تعزيز لمواجهة جهودها الخاصة لإعادة فتح خط اتصال أدراج الرياح ' +
  'نرحب بفرصة حلفائنا لبدء حوار جمهورية الشعبية الديمقراطية عمّان مُدرّسة وَالْكِتَابُ الصحافة المراسل ' +
  'التقرير البيان الرسمي المتحدث باسم وزارة الخارجية الأسبوع الماضي العام المقبل السنوات الأخيرة'
).split(' ');

const ENGLISH_SENTENCES = [
  'We welcome the opportunity for our allies to begin a dialogue.',
  'The talks could resume without preconditions, officials said.',
  'Sources close to the delegation described the meeting as constructive.',
  'Markets reacted calmly to the announcement on Wednesday.',
  'Read the full statement on the ministry website.',
  'Analysts expect a second round of negotiations next month.',
];

const EMOJI = ['😀', '🇸🇦', '🇯🇵', '👍🏽', '📰', '🔥', '𝐀𝐁𝐂', '𠀋'];

const ENTITY_PHRASES: { text: string; label: string }[] = [
  { text: 'جو بايدن', label: 'PERSON' },
  { text: 'فوميو كيشيدا', label: 'PERSON' },
  { text: 'كيم جونغ أون', label: 'PERSON' },
  { text: 'أنطونيو غوتيريش', label: 'PERSON' },
  { text: 'Joe Biden', label: 'PERSON' },
  { text: 'Fumio Kishida', label: 'PERSON' },
  { text: 'الأمم المتحدة', label: 'ORG' },
  { text: 'وكالة اسوشيتد برس', label: 'ORG' },
  { text: 'البيت الأبيض', label: 'ORG' },
  { text: 'Reuters', label: 'ORG' },
  { text: 'اليابان', label: 'GPE' },
  { text: 'كوريا الشمالية', label: 'GPE' },
  { text: 'واشنطن', label: 'GPE' },
  { text: 'طوكيو', label: 'GPE' },
  { text: 'بيونغ يانغ', label: 'GPE' },
  { text: 'عمّان', label: 'GPE' },
  { text: 'Tokyo', label: 'GPE' },
  { text: 'البحر الأصفر', label: 'LOC' },
  { text: 'شبه الجزيرة الكورية', label: 'LOC' },
  { text: 'الأربعاء', label: 'DATE' },
  { text: 'April 2024', label: 'DATE' },
  { text: 'قمة السبع', label: 'EVENT' },
  { text: 'سوبر ماريو', label: 'MISC' },
];

const READ_MORE = 'إقرأ المزيد: بايدن يتلقى هدايا من ضيفه';

function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/** Builds text piece by piece while counting code points, so spans are known where they are written. */
class TextBuilder {
  private readonly parts: string[] = [];
  length = 0; // code points
  bytes = 0;
  add(s: string): { start: number; end: number } {
    const start = this.length;
    this.parts.push(s);
    this.length += codePointLength(s);
    this.bytes += Buffer.byteLength(s, 'utf8');
    return { start, end: this.length };
  }
  toString(): string {
    return this.parts.join('');
  }
}

export interface GeneratedDocument {
  text: string;
  sidecar: Sidecar;
}

export interface LongArticleOptions {
  /** UTF-8 size of the text, about. */
  targetBytes?: number;
  entities?: number;
  quotes?: number;
  /** Boilerplate paragraphs removed by edits. */
  edits?: number;
  seed?: number;
  file?: string;
}

interface PlannedSpan {
  start: number;
  end: number;
  text: string;
  label: string;
  paragraph: number;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function makeSidecar(
  file: string,
  text: string,
  edits: Edit[],
  entities: Entity[],
  quotes: Quote[],
  title: string,
): Sidecar {
  return {
    format: 'tahrir-annotations',
    version: 1,
    source: { file, sha256: sha256(text), length: codePointLength(text) },
    document: { status: 'in_progress', title, sourceName: 'Bench', keywords: [] },
    edits,
    entities,
    quotes,
    updatedAt: '2026-01-01T00:00:00Z',
    annotator: 'bench',
  };
}

/** Evenly spread, deterministic subset of `count` items (keeps the document's density uniform). */
function spreadPick<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items.slice();
  const out: T[] = [];
  const step = items.length / count;
  for (let i = 0; i < count; i++) out.push(items[Math.floor(i * step)]);
  return out;
}

/** The article's prose: paragraphs whose words are entity phrases with probability `entityShare`. */
function writeProse(targetBytes: number, entityShare: number, editCount: number, seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

  const out = new TextBuilder();
  const spans: PlannedSpan[] = [];
  const sentences: { start: number; end: number; text: string; paragraph: number }[] = [];
  const boilerplate: { start: number; end: number; text: string }[] = [];
  const boilerplateEvery = Math.max(1, Math.floor(targetBytes / 1500 / Math.max(1, editCount)));

  let paragraph = 0;
  out.add('تقرير طويل: محادثات اليابان وكوريا الشمالية — Long report\n');
  while (out.bytes < targetBytes) {
    paragraph++;
    const sentenceCount = 3 + Math.floor(random() * 5);
    for (let s = 0; s < sentenceCount; s++) {
      if (s > 0) out.add(' ');
      const sentenceStart = out.length;
      if (random() < 0.15) {
        const sentence = pick(ENGLISH_SENTENCES);
        const words = sentence.split(' ');
        words.forEach((w, i) => {
          if (i > 0) out.add(' ');
          out.add(w);
        });
      } else {
        const words = 8 + Math.floor(random() * 14);
        for (let w = 0; w < words; w++) {
          if (w > 0) out.add(' ');
          if (random() < entityShare) {
            const phrase = pick(ENTITY_PHRASES);
            const at = out.add(phrase.text);
            spans.push({ ...at, text: phrase.text, label: phrase.label, paragraph });
          } else if (random() < 0.01) {
            out.add(pick(EMOJI));
          } else {
            out.add(pick(ARABIC_WORDS));
          }
        }
        out.add(random() < 0.5 ? '.' : '،');
      }
      sentences.push({ start: sentenceStart, end: out.length, text: '', paragraph });
    }
    out.add('\n');
    if (paragraph % boilerplateEvery === 0 && boilerplate.length < editCount) {
      const at = out.add(READ_MORE + '\n');
      boilerplate.push({ ...at, text: READ_MORE + '\n' });
    }
  }
  return { out, spans, sentences, boilerplate };
}

/**
 * A long article: paragraphs of Arabic prose with English sentences, emoji and astral
 * characters, exactly `entities` word-aligned entity spans and `quotes` quotes (each a whole
 * sentence, its speaker a PERSON entity of the same paragraph when there is one).
 */
export function generateLongArticle(options: LongArticleOptions = {}): GeneratedDocument {
  const targetBytes = options.targetBytes ?? 1024 * 1024;
  const entityCount = options.entities ?? 10_000;
  const quoteCount = options.quotes ?? 500;
  const editCount = options.edits ?? 20;
  const file = options.file ?? 'long-article.txt';
  // Aim for ~25% more entity phrases than needed, then pick evenly; tiny targets tag first words of
  // sentences too. A dense document falls short even so (50,000 entities on 1.5 MB gave 40,491): it is
  // written again with more phrases until it has them all (documents that had enough stay as they were).
  let share = 1 / Math.max(2, Math.round(targetBytes / 9.5 / (entityCount * 1.25)));
  for (let tries = 0; ; tries++) {
    const prose = writeProse(targetBytes, share, editCount, options.seed ?? 1);
    const points = Array.from(prose.out.toString());
    const chosen = chooseSpans(prose, entityCount, (start, end) => points.slice(start, end).join(''));
    if (chosen.length >= entityCount || share >= 0.9 || tries >= 5)
      return articleOf(file, prose, points, chosen, quoteCount);
    share = Math.min(0.9, (share * entityCount * 1.25) / Math.max(1, prose.spans.length));
  }
}

/** `count` spans spread evenly over the phrases written, and first words of sentences if they are too few. */
function chooseSpans(
  prose: ReturnType<typeof writeProse>,
  entityCount: number,
  slice: (start: number, end: number) => string,
): PlannedSpan[] {
  const { spans, sentences } = prose;
  let chosen = spreadPick(spans, entityCount);
  // Not enough phrases (tiny targets): tag extra whole words of sentences as MISC.
  if (chosen.length < entityCount) {
    const taken = new Set(chosen.map((s) => s.start));
    for (const sentence of sentences) {
      if (chosen.length >= entityCount) break;
      const words = slice(sentence.start, sentence.end);
      const first = /^[^\s.،]+/u.exec(words);
      if (first && !taken.has(sentence.start)) {
        chosen.push({
          start: sentence.start,
          end: sentence.start + codePointLength(first[0]),
          text: first[0],
          label: 'MISC',
          paragraph: sentence.paragraph,
        });
      }
    }
    chosen = chosen.sort((a, b) => a.start - b.start);
  }
  return chosen;
}

/** The text and sidecar of the article: the chosen spans as entities, `quoteCount` sentences as quotes. */
function articleOf(
  file: string,
  prose: ReturnType<typeof writeProse>,
  points: string[],
  chosen: PlannedSpan[],
  quoteCount: number,
): GeneratedDocument {
  const { sentences, boilerplate } = prose;
  const text = points.join('');
  const slice = (start: number, end: number) => points.slice(start, end).join('');
  const width = String(chosen.length).length;
  const entities: Entity[] = chosen.map((s, i) => ({
    id: `t${String(i + 1).padStart(width, '0')}`,
    start: s.start,
    end: s.end,
    label: s.label,
    text: s.text,
  }));

  const personByParagraph = new Map<number, string>();
  chosen.forEach((s, i) => {
    if (s.label === 'PERSON' && !personByParagraph.has(s.paragraph)) personByParagraph.set(s.paragraph, entities[i].id);
  });
  const quoteWidth = String(quoteCount).length;
  const quotes: Quote[] = spreadPick(sentences, quoteCount).map((s, i) => {
    const speaker = personByParagraph.get(s.paragraph) ?? null;
    const quote: Quote = {
      id: `q${String(i + 1).padStart(quoteWidth, '0')}`,
      start: s.start,
      end: s.end,
      text: slice(s.start, s.end),
      speaker,
      kind: i % 3 === 0 ? 'indirect' : 'direct',
    };
    if (!speaker) quote.speakerName = 'متحدث رسمي';
    return quote;
  });
  const edits: Edit[] = boilerplate.map((b, i) => ({
    id: `e${i + 1}`,
    start: b.start,
    end: b.end,
    text: b.text,
    replacement: '',
    kind: 'boilerplate',
    rule: 'read-more',
  }));
  return { text, sidecar: makeSidecar(file, text, edits, entities, quotes, 'تقرير طويل') };
}

/** One short news item (1–3 KB) with a handful of entities and maybe a quote. */
export function generateShortArticle(index: number, seed = 7): GeneratedDocument {
  const random = seededRandom(seed * 1_000_003 + index);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const out = new TextBuilder();
  const spans: PlannedSpan[] = [];
  const sentences: { start: number; end: number }[] = [];
  const title = `خبر رقم ${index + 1}`;
  out.add(title + '\n');
  const paragraphs = 2 + Math.floor(random() * 4);
  for (let p = 0; p < paragraphs; p++) {
    const count = 2 + Math.floor(random() * 3);
    for (let s = 0; s < count; s++) {
      if (s > 0) out.add(' ');
      const start = out.length;
      if (random() < 0.15) {
        out.add(pick(ENGLISH_SENTENCES).slice(0, -1));
      } else {
        const words = 6 + Math.floor(random() * 10);
        for (let w = 0; w < words; w++) {
          if (w > 0) out.add(' ');
          if (random() < 0.12) {
            const phrase = pick(ENTITY_PHRASES);
            spans.push({ ...out.add(phrase.text), text: phrase.text, label: phrase.label, paragraph: p });
          } else if (random() < 0.01) {
            out.add(pick(EMOJI));
          } else out.add(pick(ARABIC_WORDS));
        }
      }
      sentences.push({ start, end: out.length });
      out.add('.');
    }
    out.add('\n');
  }
  const text = out.toString();
  const points = Array.from(text);
  const entities: Entity[] = spans.map((s, i) => ({
    id: `t${i + 1}`,
    start: s.start,
    end: s.end,
    label: s.label,
    text: s.text,
  }));
  const quotes: Quote[] = [];
  if (random() < 0.6 && sentences.length > 1) {
    const s = sentences[1];
    const speaker = entities.find((e) => e.label === 'PERSON')?.id ?? null;
    quotes.push({
      id: 'q1',
      start: s.start,
      end: s.end,
      text: points.slice(s.start, s.end).join(''),
      speaker,
      kind: 'direct',
    });
  }
  const file = `article-${String(index).padStart(5, '0')}.txt`;
  const sidecar = makeSidecar(file, text, [], entities, quotes, title);
  sidecar.document.status = (['todo', 'in_progress', 'done'] as const)[index % 3];
  return { text, sidecar };
}

function sidecarPath(textPath: string): string {
  return textPath.replace(/\.txt$/, '.annotations.json');
}

export interface WrittenDocument {
  id: string;
  file: string;
  bytes: number;
  entities: number;
  quotes: number;
}

/** Writes the long article and its sidecar into `dir` (a workspace of one document). */
export async function writeLongArticleWorkspace(
  dir: string,
  options: LongArticleOptions = {},
): Promise<WrittenDocument> {
  const doc = generateLongArticle(options);
  await mkdir(dir, { recursive: true });
  const file = doc.sidecar.source.file;
  await writeFile(join(dir, file), doc.text);
  await writeFile(join(dir, sidecarPath(file)), serializeSidecar(doc.sidecar));
  return {
    id: file.replace(/\.txt$/, ''),
    file,
    bytes: Buffer.byteLength(doc.text),
    entities: doc.sidecar.entities.length,
    quotes: doc.sidecar.quotes.length,
  };
}

export interface WrittenWorkspace {
  documents: number;
  /** UTF-8 bytes of all texts. */
  textBytes: number;
  entities: number;
  quotes: number;
}

/** Writes `count` short articles with sidecars into `dir`, 500 to a subfolder (as real corpora are split). */
export async function writeArticleWorkspace(dir: string, count: number, seed = 7): Promise<WrittenWorkspace> {
  const totals: WrittenWorkspace = { documents: 0, textBytes: 0, entities: 0, quotes: 0 };
  for (let first = 0; first < count; first += 500) {
    const folder = join(dir, `batch-${String(first / 500).padStart(3, '0')}`);
    await mkdir(folder, { recursive: true });
    const writes: Promise<void>[] = [];
    for (let i = first; i < Math.min(count, first + 500); i++) {
      const doc = generateShortArticle(i, seed);
      const file = doc.sidecar.source.file;
      writes.push(
        writeFile(join(folder, file), doc.text),
        writeFile(join(folder, sidecarPath(file)), serializeSidecar(doc.sidecar)),
      );
      totals.documents++;
      totals.textBytes += Buffer.byteLength(doc.text);
      totals.entities += doc.sidecar.entities.length;
      totals.quotes += doc.sidecar.quotes.length;
    }
    await Promise.all(writes);
  }
  return totals;
}
