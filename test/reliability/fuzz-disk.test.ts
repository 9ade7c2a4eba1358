// Fuzzing the readers on disk: random bytes, random JSON and bent sidecars as the sidecar file
// of a real document (store reader, Backend open, listing, an attempted save), and as import
// files (every importer through the import job). Only TahrirErrors or reported problems, and
// nothing written: the workspace's bytes are snapshotted before and after.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend';
import { runImport } from '../../electron/import-job';
import { readSidecar } from '../../electron/sidecar-store';
import { isTahrirError } from '../../shared/errors';
import type { ImportFormat } from '../../shared/api';
import { anySidecarText, awkwardText, FUZZ_RUNS, randomBytesText, randomJsonText } from './fuzz-arbitraries';
import { addSample, SAMPLE_NAME, snapshot, tempWorkspace } from './workspace-snapshot';

// The document is the sample article under its own name, so a fuzzed copy of its sidecar can still be valid.
const DOC = SAMPLE_NAME;
const CLEAN_TEXT = readFileSync(
  new URL('../fixtures/sidecars/000_b3be894ae1d50a96.clean.txt', import.meta.url),
  'utf8',
);

const counts: Record<string, number> = {};
const count = (target: string) => (counts[target] = (counts[target] ?? 0) + 1);
afterAll(() => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(
    `fuzz (on disk): ${total} cases\n${Object.entries(counts)
      .map(([t, n]) => `  ${t}: ${n} cases`)
      .join('\n')}`,
  );
});

function typed(target: string, e: unknown): void {
  if (!isTahrirError(e))
    throw new Error(`${target} threw ${(e as Error)?.name}: ${(e as Error)?.message}`, { cause: e });
}

let base: string;
let root: string;
let backend: Backend;

/** A fresh workspace: the sample article (valid sidecar) and another document. */
function resetWorkspace(): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root);
  addSample(root, DOC);
  addSample(root, 'other');
}

beforeAll(async () => {
  base = tempWorkspace('tahrir-fuzzdisk-');
  root = join(base, 'ws');
  resetWorkspace();
  backend = await Backend.open(root);
});

afterAll(async () => {
  await backend.close();
  rmSync(base, { recursive: true, force: true });
});

describe('fuzz: a sidecar file on disk', () => {
  it(`store reader, Backend open and list, and an attempted save of what opened (${FUZZ_RUNS} files)`, async () => {
    const sidecarPath = join(root, `${DOC}.annotations.json`);
    let readOnly = 0;
    let opened = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anySidecarText,
          randomBytesText.map((s) => Buffer.from(s, 'latin1').toString('utf8')),
        ),
        async (content) => {
          writeFileSync(sidecarPath, content);
          const before = snapshot(root);
          count('readSidecar');
          await readSidecar(sidecarPath, `${DOC}.annotations.json`).catch((e: unknown) => typed('readSidecar', e));
          count('Backend.openDocument');
          const doc = await backend.openDocument(DOC).catch((e: unknown) => {
            typed('openDocument', e);
            return null;
          });
          expect(doc, 'the text is fine, so the document opens (read-only when the sidecar is bad)').not.toBeNull();
          if (doc!.readOnly) {
            readOnly++;
            expect(doc!.readOnly.file).toBe(`${DOC}.annotations.json`);
            expect(doc!.readOnly.message).toContain(`${DOC}.annotations.json`);
            // A read-only document's save is refused; the file is untouched.
            count('Backend.saveSidecar (read-only)');
            await backend.saveSidecar(DOC, doc!.sidecar, doc!.revision).then(
              () => expect.fail('a save over an unreadable sidecar must be refused'),
              (e: unknown) => typed('saveSidecar', e),
            );
          } else opened++;
          count('Backend.listDocuments');
          const list = await backend.listDocuments();
          expect(list.map((d) => d.id)).toEqual([DOC, 'other']);
          expect(snapshot(root)).toEqual(before);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
    console.log(`fuzz (on disk): ${readOnly} fuzzed sidecars opened read-only, ${opened} opened editable`);
    expect(readOnly).toBeGreaterThan(FUZZ_RUNS / 2);
  }, 300_000);
});

const IMPORT_FILES: Record<ImportFormat, fc.Arbitrary<string>> = {
  jsonl: fc.oneof(
    randomBytesText,
    randomJsonText,
    fc
      .array(
        fc.record({
          id: fc.constantFrom(DOC, DOC, 'other', 'missing', '../outside', '/etc/passwd'),
          text: fc.oneof(awkwardText, fc.constant(''), fc.constant(CLEAN_TEXT), fc.constant(CLEAN_TEXT)),
          spans: fc.array(
            fc.record({
              start: fc.integer({ min: -2, max: 1500 }),
              end: fc.integer({ min: -2, max: 1500 }),
              label: fc.constantFrom('PERSON', ''),
            }),
          ),
        }),
        { maxLength: 3 },
      )
      .map((lines) => lines.map((l) => JSON.stringify(l)).join('\n')),
  ),
  labelstudio: fc.oneof(
    randomBytesText,
    randomJsonText,
    fc
      .array(
        fc.record({
          data: fc.record({
            text: fc.oneof(awkwardText, fc.constant(CLEAN_TEXT)),
            document: fc.constantFrom(DOC, 'missing', '../x'),
          }),
          annotations: fc.constant([{ result: [{ type: 'labels', value: { start: 0, end: 3, labels: ['PERSON'] } }] }]),
        }),
        { maxLength: 3 },
      )
      .map((t) => JSON.stringify(t)),
  ),
  conll: fc.oneof(
    randomBytesText,
    fc
      .array(fc.tuple(awkwardText, fc.constantFrom('O', 'B-PERSON', 'I-X', 'bad')), { maxLength: 8 })
      .map((rows) => rows.map(([t, g]) => `${t}\t${g}`).join('\n')),
  ),
  brat: fc.oneof(
    randomBytesText,
    fc
      .array(
        fc
          .tuple(fc.nat(9), fc.integer({ min: -1, max: 50 }), fc.integer({ min: -1, max: 50 }))
          .map(([n, s, e]) => `T${n}\tPERSON ${s} ${e}\tx`),
        { maxLength: 5 },
      )
      .map((l) => l.join('\n')),
  ),
};

describe('fuzz: import files through the import job', () => {
  for (const format of Object.keys(IMPORT_FILES) as ImportFormat[]) {
    it(`${format}: random and near-miss files never throw untyped; nothing written unless something was added (${FUZZ_RUNS})`, async () => {
      const from = join(base, `in-${format}`);
      let added = 0;
      resetWorkspace();
      await fc.assert(
        fc.asyncProperty(IMPORT_FILES[format], awkwardText, async (content, bratText) => {
          let source = from;
          if (format === 'brat') {
            rmSync(from, { recursive: true, force: true });
            mkdirSync(from);
            writeFileSync(join(from, `${DOC}.ann`), content);
            writeFileSync(join(from, `${DOC}.txt`), bratText);
          } else {
            source = `${from}.${format}`;
            writeFileSync(source, content);
          }
          const before = snapshot(root);
          count(`runImport(${format})`);
          const report = await runImport({ root, request: { format, from: source } }).catch((e: unknown) => {
            typed(`runImport(${format})`, e);
            return null;
          });
          if (!report || report.added === 0) expect(snapshot(root)).toEqual(before);
          else {
            // Something valid got in: the sidecar still opens cleanly, then the workspace is reset.
            added++;
            const doc = await backend.openDocument(DOC);
            expect(doc.readOnly).toBeUndefined();
            resetWorkspace();
          }
        }),
        { numRuns: FUZZ_RUNS },
      );
      console.log(`fuzz import ${format}: ${FUZZ_RUNS} files, ${added} added something valid`);
    }, 300_000);
  }
});
