// Cross-check against Python, whose str indexes code points: what we store and export
// must slice the same way in a user's Python script. One Python process checks a batch
// of generated texts: lengths, token offsets, clean text and mapped span texts.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { codePointLength } from '../../shared/code-points';
import { mapSpan, PositionMap } from '../../shared/position-map';
import { tokenize } from '../../shared/tokenizer';
import { editsArb, spanArb, textArb } from './text-arbitraries';

// Property suites run 1,000+ cases each; leave room on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const PYTHON = '/usr/bin/python3';

const CHECK = `
import json, sys
cases = json.loads(sys.stdin.buffer.read().decode('utf-8'))
bad = []
for n, c in enumerate(cases):
    src = c['source']
    if len(src) != c['length']:
        bad.append((n, 'length', len(src), c['length']))
    for t in c['tokens']:
        if src[t['start']:t['end']] != t['text']:
            bad.append((n, 'token', t))
    clean = src
    for e in reversed(c['edits']):
        clean = clean[:e['start']] + e['replacement'] + clean[e['end']:]
    if clean != c['clean']:
        bad.append((n, 'clean'))
    for s in c['spans']:
        if clean[s['start']:s['end']] != s['text']:
            bad.append((n, 'span', s))
print(json.dumps({'checked': len(cases), 'bad': bad[:5]}))
`;

describe.runIf(existsSync(PYTHON))('offsets agree with Python slicing', () => {
  it('for lengths, tokens, clean text and mapped spans of 1,000 generated documents', () => {
    const docArb = textArb(60).chain((source) =>
      fc.record({
        source: fc.constant(source),
        edits: editsArb(source),
        spans: fc.array(spanArb(codePointLength(source)), { maxLength: 5 }),
      }),
    );
    const cases = fc.sample(docArb, { numRuns: 1000, seed: 20261128 }).map(({ source, edits, spans }) => {
      const map = new PositionMap(source, edits);
      const clean = Array.from(map.cleanText);
      const mapped = spans
        .map((s) => mapSpan(map, s.start, s.end))
        .filter((m) => m !== null)
        .map((m) => ({ start: m.start, end: m.end, text: clean.slice(m.start, m.end).join('') }));
      return {
        source,
        length: codePointLength(source),
        tokens: tokenize(source),
        edits,
        clean: map.cleanText,
        spans: mapped,
      };
    });
    const out = execFileSync(PYTHON, ['-c', CHECK], { input: JSON.stringify(cases), encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ checked: 1000, bad: [] });
  });
});
