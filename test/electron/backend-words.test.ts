// The back end's words that reached the Arabic interface in English (issue 19's last gaps): why an
// import skipped a document, why agreement left one out, why the tagger is off, the common errors
// inside translated sentences ("Could not open X: <reason>"), and the cleanup groups' headings.
// Each is a catalog message now: said in Arabic by the same translator the editor uses, and in
// English, word for word what the CLI printed before. Real files in a temp workspace, real jobs.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderVersion, measureAgreement } from '../../electron/agreement-job';
import { WorkspaceEntitySuggestions } from '../../electron/entity-tagger-service';
import { runImport } from '../../electron/import-job';
import { toTahrirError } from '../../electron/io-error';
import { readTextFile } from '../../electron/text-file';
import { findFiles } from '../../electron/workspace';
import { defaultConfig } from '../../electron/workspace-config';
import { RULES } from '../../shared/boilerplate/index';
import { isTahrirError, type TahrirError } from '../../shared/errors';
import { AR } from '../../shared/i18n/ar';
import { EN } from '../../shared/i18n/en';
import { inEnglish, say, sayError, type Message } from '../../shared/i18n/message';
import { createTranslator, type MessageKey } from '../../shared/i18n/translator';
import { checkSidecarAgainstSource } from '../../shared/sidecar-check';
import { emptySidecar, parseSidecar, serializeSidecar } from '../../shared/sidecar';
import { ruleName } from '../../renderer/session/cleanup-suggestions';

const ar = createTranslator('ar');
const en = createTranslator('en');
/** The Arabic interface's own translator: values isolated. */
const editor = createTranslator('ar', { isolate: true });
const ARABIC = /\p{Script=Arabic}{3}/u;
/** English words a sentence of the app would have; file names, labels and JSON aside. */
const ENGLISH_WORDS = /\b(is|not|the|no|of|in|could|be|read|written|does|exist|found|document|label|line|text)\b/;

/** Every key of a message and of its parts, in both catalogs. */
function keysOf(m: Message): MessageKey[] {
  return [m.key, ...Object.values(m.parts ?? {}).flatMap(keysOf)];
}

/** The message: in both catalogs, its English what the CLI prints, its Arabic Arabic with no English sentence left. */
function sayable(m: Message | undefined, english: string): string {
  expect(m, english).toBeDefined();
  for (const key of keysOf(m!)) {
    expect(Object.hasOwn(EN, key), `${key} in en.ts`).toBe(true);
    expect(Object.hasOwn(AR, key), `${key} in ar.ts`).toBe(true);
  }
  expect(inEnglish(m!)).toBe(english);
  const arabic = say(ar, m!);
  expect(arabic, english).toMatch(ARABIC);
  return arabic;
}

async function thrown(f: () => Promise<unknown> | unknown): Promise<TahrirError> {
  try {
    await f();
  } catch (e) {
    if (isTahrirError(e)) return e;
    throw e;
  }
  throw new Error('expected a TahrirError');
}

let ws: string;
beforeEach(async () => {
  ws = await mkdtemp(join(tmpdir(), 'tahrir-words-'));
});
afterEach(async () => {
  await rm(ws, { recursive: true, force: true });
});

const SHA = '0'.repeat(64);
const TEXT = 'قال الرئيس جو بايدن 👋🏽 إن الاتفاق سيوقع.\r\nوأضاف أن الجولة مقبلة.\n';

describe('the common errors, said in the interface’s language', () => {
  it('not UTF-8, binary, too large: the reason in Arabic, the file named, the English as the CLI prints it', async () => {
    await writeFile(join(ws, 'legacy.txt'), Buffer.from([0x71, 0xc7, 0xe1, 0x20, 0x41]));
    const e = await thrown(() => readTextFile(join(ws, 'legacy.txt'), undefined, { file: 'legacy.txt' }));
    expect(e.code).toBe('not-utf8');
    expect(inEnglish(e.said!)).toBe(e.message.replace('legacy.txt: ', ''));
    const arabic = sayError(ar, e.toData());
    expect(arabic).toMatch(/^legacy\.txt: ليس UTF-8 صالحًا \(أول بايت خاطئ عند الموضع 1: c7 e1 20 41\)/);
    expect(arabic).not.toMatch(ENGLISH_WORDS);
    expect(sayError(en, e.toData())).toBe(e.message);

    await writeFile(join(ws, 'image.txt'), Buffer.from([0x41, 0x00, 0x42]));
    const binary = await thrown(() => readTextFile(join(ws, 'image.txt'), undefined, { file: 'image.txt' }));
    expect(sayError(ar, binary.toData())).toBe(
      'image.txt: يبدو ملفًا ثنائيًا لا نصًا (بايت NUL عند الموضع 1)؛ الملف النصي يخلو منه',
    );

    await writeFile(join(ws, 'big.txt'), 'و'.repeat(2000));
    const big = await thrown(() => readTextFile(join(ws, 'big.txt'), undefined, { file: 'big.txt', maxBytes: 1024 }));
    expect(big.code).toBe('too-large');
    expect(sayError(ar, big.toData())).toBe('big.txt: أكبر من أن يُفتح (0.0 م.ب؛ الحد 0.0 م.ب)');
  });

  it('a broken sidecar (not JSON, empty, a span out of range): said in Arabic, the parser’s own words kept inside', async () => {
    const notJson = await thrown(() => parseSidecar('{"format": "tahrir-annotations", "ver', 'a.annotations.json'));
    const arabic = sayError(ar, notJson.toData());
    expect(arabic).toMatch(/^a\.annotations\.json: ليس JSON صالحًا \(.+\)؛ ربما هو مبتور$/);
    // The editor's translator isolates the file name, the sentence and the parser's words in it (FSI … PDI): a Latin
    // file name opening an Arabic line keeps it right to left; the CLI's English has no such characters.
    expect(sayError(editor, notJson.toData())).toMatch(
      /^\u2068a\.annotations\.json\u2069: \u2068ليس JSON صالحًا \(\u2068[^\u2068]+\u2069\)؛ ربما هو مبتور\u2069$/,
    );
    expect(sayError(en, notJson.toData())).not.toMatch(/[\u2068\u2069]/);
    expect(sayError(en, notJson.toData())).toBe(notJson.message);
    expect(sayError(ar, (await thrown(() => parseSidecar('  ', 'e.annotations.json'))).toData())).toBe(
      'e.annotations.json: فارغ (ليس JSON)',
    );

    // A span past the end of the text, counted in code points (the emoji is two, its skin tone one more).
    const length = Array.from(TEXT).length;
    const sidecar = emptySidecar('a.txt', SHA, length);
    sidecar.entities.push({ id: 't1', start: 11, end: length + 3, label: 'PERSON', text: 'جو بايدن' });
    const [problem] = checkSidecarAgainstSource(sidecar, TEXT, 'a.txt');
    expect(sayable(problem.said, problem.message)).toBe(`النهاية ${length + 3} بعد آخر النص (${length} محرفًا)`);

    // A field missing: the sidecar's error names the first problem in Arabic and counts the others.
    const broken = JSON.parse(serializeSidecar(sidecar)) as Record<string, unknown>;
    delete broken.document;
    delete broken.quotes;
    const invalid = await thrown(() => parseSidecar(JSON.stringify(broken), 'b.annotations.json'));
    expect(sayError(ar, invalid.toData())).toBe(
      'b.annotations.json: ليس ملف مرافق صالحًا: document: مفقود؛ ومشكلة أخرى',
    );
  });

  it('a sidecar of the wrong shape: the schema’s words said in Arabic, word for word in English', async () => {
    const length = Array.from(TEXT).length;
    const base = JSON.parse(serializeSidecar(emptySidecar('a.txt', SHA, length))) as Record<string, unknown>;
    const entity = { id: 't1', start: 11, end: 19, label: 'PERSON', text: 'جو بايدن' };
    const cases: [Record<string, unknown>, string][] = [
      [{ entities: [{ ...entity, end: '19' }] }, 'يجب أن يكون عددًا'],
      [{ entities: [{ ...entity, start: 1.5 }] }, 'يجب أن يكون عددًا صحيحًا (موضع محرف)'],
      [{ entities: [{ ...entity, start: -1 }] }, 'يجب ألا يكون سالبًا'],
      [{ entities: [{ ...entity, label: '' }] }, 'يجب ألا يكون فارغًا'],
      [{ entities: [{ ...entity, orphaned: 'yes' }] }, 'يجب أن يكون قيمة منطقية (صح أو خطأ)'],
      [{ entities: [{ ...entity, attrs: { role: 3 } }] }, 'يجب أن يكون نصًا'],
      [{ entities: 'none' }, 'يجب أن يكون قائمة'],
      [{ document: { status: 'finished' } }, 'يجب أن يكون أحد: todo, in_progress, done'],
      [{ source: { file: 'a.txt', sha256: 'x', length } }, 'يجب أن يكون 64 رقمًا ست عشريًا صغيرًا'],
      [{ format: 'other' }, 'يجب أن يكون "tahrir-annotations"'],
    ];
    for (const [change, said] of cases) {
      const error = await thrown(() => parseSidecar(JSON.stringify({ ...base, ...change }), 'c.annotations.json'));
      const [problem] = error.toData().detail as { path: string; message: string; said?: Message }[];
      expect(sayable(problem.said, problem.message)).toBe(said);
      expect(sayError(ar, error.toData())).not.toMatch(/must/);
      expect(sayError(en, error.toData())).toBe(error.message);
    }
  });

  it('a folder vanished, permission denied, an unknown system error: Arabic around the system’s own words', async () => {
    const gone = join(ws, 'gone');
    const vanished = await thrown(() => findFiles(gone));
    expect(vanished.code).toBe('not-found');
    expect(sayError(ar, vanished.toData())).toBe(`مجلد مساحة العمل ${gone} غير موجود (ربما نُقل أو حُذف)`);

    // Node's errors as the file system gives them (root reads every file, so a chmod would prove nothing here).
    const denied = toTahrirError(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }), 'a.txt');
    expect(sayError(ar, denied.toData())).toBe('a.txt: تتعذر قراءته: لا إذن بذلك');
    const written = toTahrirError(Object.assign(new Error('EPERM'), { code: 'EPERM' }), 'a.annotations.json', 'write');
    expect(sayError(ar, written.toData())).toBe('a.annotations.json: تتعذر الكتابة فيه: لا إذن بذلك');
    expect(sayError(ar, toTahrirError(Object.assign(new Error('x'), { code: 'ENOENT' }), 'b.txt').toData())).toBe(
      'b.txt: غير موجود (ربما نُقل أو حُذف)',
    );
    const odd = toTahrirError(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }), 'c.txt');
    expect(sayError(ar, odd.toData())).toBe('c.txt: تعذرت قراءته (EIO: i/o error, read)');
    // An error with no message of its own stays as the system said it.
    expect(sayError(ar, { message: 'something odd' })).toBe('something odd');
  });
});

describe('an import’s report', () => {
  it('says why each document or line was skipped, and each conflict, in Arabic; the English unchanged', async () => {
    await writeFile(join(ws, 'a.txt'), TEXT);
    await writeFile(join(ws, 'b.txt'), TEXT);
    await writeFile(join(ws, 'c.txt'), TEXT);
    await writeFile(join(ws, 'b.annotations.json'), '{"format": "tahrir-annotations", "vers');
    const length = Array.from(TEXT).length;
    const c = emptySidecar('c.txt', SHA, length);
    const start = Array.from(TEXT).indexOf('ج');
    c.entities.push({ id: 't1', start, end: start + 8, label: 'ORG', text: 'جو بايدن' });
    await writeFile(join(ws, 'c.annotations.json'), serializeSidecar(c));
    const span = (label: string) => ({ start, end: start + 8, label });
    const lines = [
      { id: 'a', text: TEXT, spans: [span('MONSTER')] },
      { id: 'b', text: TEXT, spans: [span('PERSON')] },
      { id: 'c', text: TEXT, spans: [span('PERSON')] },
      { id: 'missing', text: TEXT, spans: [] },
      { id: '../outside', text: TEXT, spans: [] },
      { text: TEXT, spans: [] },
      { id: 'a', text: TEXT, spans: [{ start: 0, end: length + 5, label: 'PERSON' }] },
    ];
    const from = join(ws, 'pre.jsonl');
    await writeFile(from, lines.map((l) => JSON.stringify(l)).join('\n') + '\n{"id": "a", "spans": [\n');
    const report = await runImport({ root: ws, request: { format: 'jsonl', from } });
    const reasons = report.skipped.map((s) => sayable(s.reasonMessage, s.reason));
    expect(reasons).toHaveLength(7);
    expect(reasons[0]).toMatch(/^لم يُكتب: التصنيف "MONSTER" غير معرّف في tahrir\.json \(/);
    expect(reasons[1]).toMatch(/^ملف مرافق تالف، تُرك كما هو: b\.annotations\.json: ليس JSON صالحًا/);
    expect(reasons.slice(2, 5)).toEqual([
      'لا مستند «missing» في مساحة العمل',
      'المستند «../outside» خارج مساحة العمل',
      'السطر بلا معرّف يسمّي مستنده',
    ]);
    expect(reasons[5]).toBe(`المقطع [0, ${length + 5}) ليس داخل نصه (${length} محرفًا)`);
    // The JSON parser's own words in reasons[1] aside.
    for (const r of [reasons[0], ...reasons.slice(2, 6)]) expect(r).not.toMatch(ENGLISH_WORDS);
    // A line that is not JSON: the sentence in Arabic, the parser's own words (where it broke) as they are.
    expect(reasons[6]).toBe(`${from}:8: ليس JSON (Unexpected end of JSON input)`);
    const [conflict] = report.conflicts;
    expect(sayable(conflict.said, conflict.message)).toBe(
      `الكيان [${start}, ${start + 8}) «جو بايدن»: تصنيفه PERSON هنا، وORG في الملف المرافق (t1)`,
    );
  });
});

describe('agreement', () => {
  it('says why a document was left out in Arabic', async () => {
    for (const who of ['ali', 'sara']) await mkdir(join(ws, who));
    await writeFile(join(ws, 'a.txt'), TEXT);
    const sidecar = serializeSidecar(emptySidecar('a.txt', SHA, Array.from(TEXT).length));
    await writeFile(join(ws, 'ali', 'a.annotations.json'), sidecar);
    await writeFile(join(ws, 'sara', 'a.annotations.json'), sidecar.slice(0, 40));
    const run = await measureAgreement(ws, [
      folderVersion('ali', join(ws, 'ali')),
      folderVersion('sara', join(ws, 'sara')),
    ]);
    expect(run.skipped).toHaveLength(1);
    const [skipped] = run.skipped;
    expect(sayable(skipped.reasonMessage, skipped.reason)).toMatch(
      /^sara: a\.annotations\.json: ليس JSON صالحًا \(.+\)؛ ربما هو مبتور$/,
    );
  });
});

describe('the tagger', () => {
  it('says why it is off in Arabic', () => {
    const tagger = new WorkspaceEntitySuggestions(ws, () => defaultConfig(), { workerFile: null });
    const status = tagger.status();
    expect(status.state).toBe('unavailable');
    expect(status.problem).toBe('the tagger’s worker (entity-tagger-worker.cjs) is not built: npm run build makes it');
    expect(sayable(status.problemMessage, status.problem!)).toMatch(/^عامل الموسِّم الآلي/);
    tagger.stop();
  });
});

describe('the cleanup groups’ headings', () => {
  it('name each built-in rule in the interface’s language, a workspace rule by its own id', () => {
    for (const rule of RULES) {
      const name = ruleName(rule.id, ar);
      expect(name, rule.id).toMatch(ARABIC);
      expect(ruleName(rule.id, en), rule.id).not.toBe(rule.id);
    }
    expect(ruleName('site-template', ar)).toBe('قالب الموقع');
    expect(ruleName('our-footer', ar)).toBe('our-footer');
  });
});
