// Import files with the faults a sidecar can have (truncated, not JSON, wrong shape, offsets
// out of range, duplicates, a path leaving the workspace, a broken target sidecar): each is
// reported naming the file (and line), and nothing is written.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../electron/import-job';
import type { ImportReport, ImportRequest } from '../../shared/api';
import { isTahrirError } from '../../shared/errors';
import { addSample, BAD, SAMPLE_NAME, snapshot, tempWorkspace } from './workspace-snapshot';

const base = tempWorkspace('tahrir-impfault-');
const root = join(base, 'ws');
const inbox = join(base, 'in');
const CLEAN = readFileSync(new URL('../fixtures/sidecars/000_b3be894ae1d50a96.clean.txt', import.meta.url), 'utf8');
const covered: string[] = [];

beforeEach(() => {
  rmSync(base, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  mkdirSync(inbox, { recursive: true });
  addSample(root, SAMPLE_NAME);
});
afterAll(() => {
  rmSync(base, { recursive: true, force: true });
  console.log(`import faults covered (${covered.length}): ${covered.join('; ')}`);
});

/** Runs an import that must change nothing; returns its report, or the TahrirError it was refused with. */
async function importNothing(
  request: ImportRequest,
): Promise<ImportReport | { error: { code: string; message: string } }> {
  const before = snapshot(root);
  let out: ImportReport | { error: { code: string; message: string } };
  try {
    out = await runImport({ root, request });
    expect(out.added).toBe(0);
  } catch (e) {
    if (!isTahrirError(e)) throw e;
    out = { error: { code: e.code, message: e.message } };
  }
  expect(snapshot(root)).toEqual(before);
  return out;
}

const line = (o: unknown) => JSON.stringify(o);

describe('import files with faults', () => {
  it('jsonl: a truncated line, a line that is not JSON, a wrong shape: each skipped naming file:line', async () => {
    const from = join(inbox, 'export.jsonl');
    const good = line({ id: SAMPLE_NAME, text: CLEAN, spans: [{ start: 0, end: 3, label: 'PERSON' }] });
    writeFileSync(
      from,
      [
        good.slice(0, 60),
        'not json at all',
        line({ id: SAMPLE_NAME, text: CLEAN, spans: { start: 0 } }),
        line([1, 2]),
      ].join('\n') + '\n',
    );
    const r = (await importNothing({ format: 'jsonl', from })) as ImportReport;
    expect(r.skipped.map((s) => s.file)).toEqual([`${from}:1`, `${from}:2`, `${from}:3`, `${from}:4`]);
    expect(r.skipped[0].reason).toMatch(/not JSON/);
    expect(r.skipped[2].reason).toMatch(/spans.*list/);
    covered.push('jsonl truncated / not JSON / wrong shape');
  });

  it('jsonl: offsets out of range, an id outside the workspace, an unknown id: skipped with the reason', async () => {
    const from = join(inbox, 'export.jsonl');
    writeFileSync(
      from,
      [
        line({ id: SAMPLE_NAME, text: CLEAN, spans: [{ start: 10, end: 99999, label: 'PERSON' }] }),
        line({ id: '../outside', text: 'x', spans: [] }),
        line({ id: 'missing', text: 'x', spans: [] }),
      ].join('\n'),
    );
    const r = (await importNothing({ format: 'jsonl', from })) as ImportReport;
    expect(r.skipped[0].reason).toMatch(/not within its text/);
    expect(r.skipped[1].reason).toMatch(/outside the workspace/);
    expect(r.skipped[2].reason).toMatch(/no document "missing"/);
    covered.push('jsonl offsets out of range / id outside the workspace / unknown id');
  });

  it('jsonl: a duplicate of an existing span is counted, not added', async () => {
    const sidecar = JSON.parse(readFileSync(join(root, `${SAMPLE_NAME}.annotations.json`), 'utf8'));
    const e = sidecar.entities.find((x: { id: string }) => x.id === 't1');
    // t1 is outside every edit in the sample, so its clean offsets are its source offsets minus the removed text before it.
    const cleanStart = CLEAN.indexOf(e.text);
    const cp = (s: string) => Array.from(s).length;
    const start = cp(CLEAN.slice(0, cleanStart));
    const from = join(inbox, 'dup.jsonl');
    writeFileSync(
      from,
      line({ id: SAMPLE_NAME, text: CLEAN, spans: [{ start, end: start + cp(e.text), label: e.label }] }),
    );
    const r = (await importNothing({ format: 'jsonl', from })) as ImportReport;
    expect(r.duplicates).toBe(1);
    covered.push('jsonl duplicate span');
  });

  it('labelstudio: truncated / not JSON / wrong shape: refused naming the file, nothing written', async () => {
    const from = join(inbox, 'tasks.json');
    for (const [content, mentions] of [
      ['[{"data": {"text": "abc"}, "annotations": [', /tasks\.json/],
      ['<html>not json</html>', /tasks\.json/],
      ['{"tasks": 3}', /tasks\.json/],
    ] as const) {
      writeFileSync(from, content);
      const r = await importNothing({ format: 'labelstudio', from });
      const text = 'error' in r ? r.error.message : JSON.stringify(r.skipped);
      expect(text).toMatch(mentions);
    }
    covered.push('labelstudio truncated / not JSON / wrong shape');
  });

  it('labelstudio: a result past the end of its text is reported', async () => {
    const from = join(inbox, 'tasks.json');
    writeFileSync(
      from,
      JSON.stringify([
        {
          data: { text: CLEAN, document: SAMPLE_NAME },
          annotations: [
            { result: [{ id: 'r1', type: 'labels', value: { start: 5, end: 999999, labels: ['PERSON'] } }] },
          ],
        },
      ]),
    );
    const r = await importNothing({ format: 'labelstudio', from });
    const text = 'error' in r ? r.error.message : JSON.stringify(r.skipped);
    expect(text).toMatch(/not within the text|not a range of the text|past the end/);
    expect(text).toContain('tasks.json');
    covered.push('labelstudio offsets out of range');
  });

  it('brat: offsets out of range and a malformed line are skipped naming the .ann file and line', async () => {
    const folder = join(inbox, 'brat');
    mkdirSync(folder);
    writeFileSync(join(folder, `${SAMPLE_NAME}.txt`), CLEAN);
    writeFileSync(join(folder, `${SAMPLE_NAME}.ann`), `T1\tPERSON 10 99999\tx\n`);
    let r = (await importNothing({ format: 'brat', from: folder })) as ImportReport;
    expect(JSON.stringify(r.skipped)).toMatch(/\.ann/);
    writeFileSync(join(folder, `${SAMPLE_NAME}.ann`), `T1 PERSON 0 3 no tabs\n`);
    r = (await importNothing({ format: 'brat', from: folder })) as ImportReport;
    expect(r.skipped[0].file).toContain(`${SAMPLE_NAME}.ann`);
    expect(r.skipped[0].reason).toMatch(/text-bound|T<n>/);
    covered.push('brat offsets out of range / malformed line');
  });

  it('conll: a line with a bad tag is refused naming file:line', async () => {
    const from = join(inbox, 'a.conll');
    writeFileSync(from, '-DOCSTART-\tO\n\nبايدن\tB-PERSON\nقال\tNOT-A-TAG\n');
    const r = await importNothing({ format: 'conll', from });
    expect('error' in r ? r.error.message : '').toContain(`${from}:4`);
    covered.push('conll bad tag');
  });

  it('a well-formed import into a document whose sidecar is broken: skipped, the sidecar left byte for byte', async () => {
    writeFileSync(
      join(root, `${SAMPLE_NAME}.annotations.json`),
      readFileSync(join(BAD, 'sidecars', 'truncated.annotations.json')),
    );
    const from = join(inbox, 'export.jsonl');
    writeFileSync(from, line({ id: SAMPLE_NAME, text: CLEAN, spans: [{ start: 0, end: 3, label: 'PERSON' }] }));
    const r = (await importNothing({ format: 'jsonl', from })) as ImportReport;
    expect(r.skipped[0].file).toBe(`${SAMPLE_NAME}.annotations.json`);
    expect(r.skipped[0].reason).toMatch(/broken sidecar, left as it is/);
    covered.push('import into a broken sidecar');
  });
});
