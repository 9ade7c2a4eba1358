// Fuzzing the pure readers (shared/): the sidecar parser and checker and every importer.
// Whatever comes in, they return a value or throw a TahrirError naming the file — never
// a TypeError, a RangeError or a hang.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isTahrirError } from '../../shared/errors';
import { parseSidecar } from '../../shared/sidecar';
import { checkSidecarAgainstSource } from '../../shared/sidecar-check';
import { parseBratAnn } from '../../shared/import/import-brat';
import { alignConll, parseConll } from '../../shared/import/import-conll';
import { parseJsonl, parseJsonlLine } from '../../shared/import/import-jsonl';
import { parseLabelStudio, parseLabelStudioTask } from '../../shared/import/import-labelstudio';
import { toSourceAnnotations } from '../../shared/import/pre-annotations';
import { mergeAnnotations } from '../../shared/import/merge';
import {
  anySidecarText,
  awkwardText,
  EXAMPLE_SIDECAR_JSON,
  FUZZ_RUNS,
  mutatedSidecarText,
  randomBytesText,
  randomJsonText,
  SAMPLE_TEXT,
} from './fuzz-arbitraries';

const counts: Record<string, { cases: number; rejected: number }> = {};

/** Runs `fn`; a throw must be a TahrirError that names `file`. Counts cases and typed rejections. */
function expectTypedOutcome(target: string, file: string, fn: () => unknown): void {
  const c = (counts[target] ??= { cases: 0, rejected: 0 });
  c.cases++;
  try {
    fn();
  } catch (e) {
    if (!isTahrirError(e))
      throw new Error(`${target} threw ${(e as Error)?.name}: ${(e as Error)?.message}`, { cause: e });
    expect(e.file ?? '', `${target}: error names the file`).toContain(file);
    expect(e.message.length).toBeGreaterThan(file.length + 2);
    c.rejected++;
  }
}

afterAll(() => {
  const lines = Object.entries(counts).map(
    ([t, c]) => `  ${t}: ${c.cases} cases, ${c.rejected} rejected with a TahrirError`,
  );
  const total = Object.values(counts).reduce((n, c) => n + c.cases, 0);
  console.log(`fuzz (pure readers): ${total} cases\n${lines.join('\n')}`);
});

const FILE = 'news/a.annotations.json';
const sampleSidecar = parseSidecar(EXAMPLE_SIDECAR_JSON, FILE);

describe('fuzz: sidecar reader and checker', () => {
  it(`parseSidecar: random bytes, random JSON, mutated and truncated sidecars (${FUZZ_RUNS}+ each)`, () => {
    for (const [name, arb] of [
      ['parseSidecar(random bytes)', randomBytesText],
      ['parseSidecar(random JSON)', randomJsonText],
      ['parseSidecar(mutated sidecar)', mutatedSidecarText],
    ] as const) {
      fc.assert(
        fc.property(arb, (text) => expectTypedOutcome(name, FILE, () => parseSidecar(text, FILE))),
        { numRuns: FUZZ_RUNS },
      );
    }
    // The mutated sidecars must exercise both outcomes, or the fuzzer tests nothing.
    expect(counts['parseSidecar(mutated sidecar)'].rejected).toBeGreaterThan(FUZZ_RUNS / 10);
    expect(counts['parseSidecar(mutated sidecar)'].rejected).toBeLessThan(
      counts['parseSidecar(mutated sidecar)'].cases,
    );
  });

  it(`checkSidecarAgainstSource: every sidecar that parses is checked against awkward texts without throwing (${FUZZ_RUNS})`, () => {
    let checked = 0;
    let parsed = 0;
    let withProblems = 0;
    fc.assert(
      fc.property(anySidecarText, fc.oneof(awkwardText, fc.constant(SAMPLE_TEXT)), (json, text) => {
        let sidecar;
        try {
          sidecar = parseSidecar(json, FILE);
          parsed++;
        } catch (e) {
          expect(isTahrirError(e)).toBe(true);
          sidecar = sampleSidecar;
        }
        expectTypedOutcome('checkSidecarAgainstSource', FILE, () => {
          const problems = checkSidecarAgainstSource(sidecar, text, '000_b3be894ae1d50a96.txt');
          expect(Array.isArray(problems)).toBe(true);
          for (const p of problems) expect(typeof p.message).toBe('string');
          checked++;
          if (problems.length) withProblems++;
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
    expect(checked).toBe(FUZZ_RUNS);
    expect(withProblems).toBeGreaterThan(0);
    expect(parsed).toBeGreaterThan(FUZZ_RUNS / 20);
    console.log(
      `checkSidecarAgainstSource: ${parsed} of ${FUZZ_RUNS} fuzzed sidecars parsed; ${withProblems} checks found problems`,
    );
  });
});

const jsonlLine = fc
  .record(
    {
      id: fc.option(fc.oneof(fc.string(), fc.integer()), { nil: undefined }),
      text: fc.oneof(awkwardText, fc.jsonValue({ maxDepth: 1 })),
      spans: fc.oneof(
        fc.array(
          fc.record({
            start: fc.oneof(fc.integer({ min: -3, max: 60 }), fc.double()),
            end: fc.integer({ min: -3, max: 60 }),
            label: fc.constantFrom('PERSON', '', 'X'),
          }),
          { maxLength: 4 },
        ),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      quotes: fc.oneof(
        fc.array(
          fc.record({
            start: fc.integer({ min: -3, max: 60 }),
            end: fc.integer({ min: -3, max: 60 }),
            speaker: fc.jsonValue({ maxDepth: 0 }),
          }),
          { maxLength: 3 },
        ),
        fc.jsonValue({ maxDepth: 1 }),
      ),
    },
    { requiredKeys: [] },
  )
  .map((o) => JSON.stringify(o));

const lsTask = fc.record(
  {
    data: fc.oneof(
      fc.record({ text: awkwardText, document: fc.option(fc.string(), { nil: undefined }) }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    annotations: fc.array(
      fc.record(
        {
          result: fc.array(
            fc.oneof(
              fc.record(
                {
                  id: fc.constantFrom('r1', 'r2', 'r3'),
                  type: fc.constantFrom('labels', 'relation', 'choices'),
                  value: fc.record(
                    {
                      start: fc.oneof(fc.integer({ min: -2, max: 50 }), fc.double()),
                      end: fc.oneof(fc.integer({ min: -2, max: 50 }), fc.double()),
                      labels: fc.array(fc.constantFrom('PERSON', 'QUOTE', 7 as unknown as string), { maxLength: 2 }),
                      text: fc.option(awkwardText, { nil: undefined }),
                    },
                    { requiredKeys: [] },
                  ),
                  from_id: fc.constantFrom('r1', 'r2'),
                  to_id: fc.constantFrom('r1', 'r3'),
                  meta: fc.record({
                    text: fc.array(fc.constantFrom('kind: indirect', 'speaker: بايدن', 'link: Q1', '')),
                  }),
                },
                { requiredKeys: ['type'] },
              ),
              fc.jsonValue({ maxDepth: 2 }),
            ),
            { maxLength: 4 },
          ),
          was_cancelled: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: [] },
);

const bratAnn = fc
  .array(
    fc.oneof(
      fc
        .tuple(
          fc.nat({ max: 9 }),
          fc.constantFrom('PERSON', 'QUOTE', 'GPE'),
          fc.integer({ min: -2, max: 60 }),
          fc.integer({ min: -2, max: 60 }),
          awkwardText,
        )
        .map(([n, t, s, e, x]) => `T${n}\t${t} ${s} ${e}\t${x}`),
      fc
        .tuple(fc.nat({ max: 9 }), fc.nat({ max: 9 }), fc.nat({ max: 9 }))
        .map(([r, a, b]) => `R${r}\tSpeaker Arg1:T${a} Arg2:T${b}`),
      fc
        .tuple(fc.nat({ max: 9 }), fc.nat({ max: 9 }), awkwardText)
        .map(([n, t, x]) => `#${n}\tAnnotatorNotes T${t}\t${x}`),
      fc
        .tuple(
          fc.nat({ max: 9 }),
          fc.integer({ min: 0, max: 30 }),
          fc.integer({ min: 0, max: 30 }),
          fc.integer({ min: 0, max: 30 }),
        )
        .map(([n, a, b, c]) => `T${n}\tORG ${a} ${b};${b} ${c}\tx`),
      awkwardText,
    ),
    { maxLength: 8 },
  )
  .map((lines) => lines.join(fc.sample(fc.constantFrom('\n', '\r\n'), 1)[0]));

const conllText = fc
  .array(
    fc.oneof(
      fc
        .tuple(
          fc.constantFrom('بايدن', 'و', 'Biden', '👍🏽', 'عمّان', '"'),
          fc.constantFrom('O', 'B-PERSON', 'I-PERSON', 'I-GPE', 'E-ORG', 'S-X', 'B-', 'bogus'),
        )
        .map(([t, g]) => `${t}\t${g}`),
      fc.constant(''),
      fc.constant('-DOCSTART-\tO'),
      awkwardText,
    ),
    { maxLength: 12 },
  )
  .map((lines) => lines.join('\n'));

describe('fuzz: importers', () => {
  it(`jsonl: random bytes, random JSON and near-miss lines (${FUZZ_RUNS}+ each)`, () => {
    const F = 'in/export.jsonl';
    fc.assert(
      fc.property(fc.oneof(randomBytesText, randomJsonText), (t) =>
        expectTypedOutcome('parseJsonl(random)', F, () => parseJsonl(t, F)),
      ),
      { numRuns: FUZZ_RUNS },
    );
    fc.assert(
      fc.property(jsonlLine, (t) =>
        expectTypedOutcome('parseJsonlLine(near-miss)', F, () => parseJsonlLine(t, `${F}:1`)),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it(`labelstudio: random bytes, random JSON and near-miss tasks (${FUZZ_RUNS}+ each)`, () => {
    const F = 'in/tasks.json';
    fc.assert(
      fc.property(fc.oneof(randomBytesText, randomJsonText), (t) =>
        expectTypedOutcome('parseLabelStudio(random)', F, () => parseLabelStudio(t, F)),
      ),
      { numRuns: FUZZ_RUNS },
    );
    fc.assert(
      fc.property(lsTask, (task) =>
        expectTypedOutcome('parseLabelStudioTask(near-miss)', F, () => parseLabelStudioTask(task, `${F}#1`)),
      ),
      { numRuns: FUZZ_RUNS },
    );
    fc.assert(
      fc.property(fc.array(lsTask, { maxLength: 3 }), (tasks) =>
        expectTypedOutcome('parseLabelStudio(near-miss file)', F, () => parseLabelStudio(JSON.stringify(tasks), F)),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it(`brat: random bytes and near-miss .ann lines against awkward texts (${FUZZ_RUNS}+ each)`, () => {
    const F = 'in/a.ann';
    fc.assert(
      fc.property(randomBytesText, awkwardText, (ann, text) =>
        expectTypedOutcome('parseBratAnn(random)', F, () => parseBratAnn(ann, text, F)),
      ),
      { numRuns: FUZZ_RUNS },
    );
    fc.assert(
      fc.property(bratAnn, awkwardText, (ann, text) =>
        expectTypedOutcome('parseBratAnn(near-miss)', F, () => parseBratAnn(ann, text, F)),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it(`conll: random bytes and near-miss token lines, aligned to awkward texts (${FUZZ_RUNS}+ each)`, () => {
    const F = 'in/a.conll';
    fc.assert(
      fc.property(randomBytesText, (t) => expectTypedOutcome('parseConll(random)', F, () => parseConll(t, F))),
      { numRuns: FUZZ_RUNS },
    );
    fc.assert(
      fc.property(conllText, fc.oneof(awkwardText, fc.constant('بايدن و Biden 👍🏽 عمّان')), (t, text) =>
        expectTypedOutcome('parseConll+alignConll(near-miss)', F, () => {
          for (const doc of parseConll(t, F)) alignConll(doc, text, F);
        }),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it(`mapping imported spans to source and merging them into a sidecar never throws untyped (${FUZZ_RUNS})`, () => {
    const span = fc.record({ start: fc.integer({ min: -5, max: 3100 }), end: fc.integer({ min: -5, max: 3100 }) });
    const doc = fc.record({
      text: fc.option(fc.oneof(awkwardText, fc.constant(SAMPLE_TEXT)), { nil: undefined }),
      entities: fc.array(
        fc.record({
          start: span.map((s) => s.start),
          end: span.map((s) => s.end),
          label: fc.constantFrom('PERSON', 'GPE'),
        }),
        { maxLength: 5 },
      ),
      quotes: fc.array(
        fc.record({
          start: span.map((s) => s.start),
          end: span.map((s) => s.end),
          kind: fc.constantFrom('direct' as const, 'indirect' as const),
          speaker: fc.option(fc.nat({ max: 6 }), { nil: null }),
        }),
        { maxLength: 3 },
      ),
    });
    const F = 'news/a.txt';
    fc.assert(
      fc.property(doc, (d) =>
        expectTypedOutcome('toSourceAnnotations+mergeAnnotations', F, () => {
          const mapped = toSourceAnnotations(d, SAMPLE_TEXT, sampleSidecar);
          if ('annotations' in mapped) {
            const { sidecar, report } = mergeAnnotations(sampleSidecar, mapped.annotations);
            // Nothing in the sidecar is changed or removed by an import.
            for (const e of sampleSidecar.entities) expect(sidecar.entities).toContainEqual(e);
            expect(report.added + report.duplicates + report.conflicts.length).toBeGreaterThanOrEqual(0);
          } else expect(typeof mapped.problem).toBe('string');
        }),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});
