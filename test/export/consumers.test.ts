// Real consumers, not only our own code: every export of the sample workspace (and of
// the awkward fixtures) is read by the tools people use on it — Python's str slicing and
// pandas for JSONL, NLTK's ConllCorpusReader for CoNLL, pyld and the jsonld npm package
// for W3C, Python for brat standoff, UTF-16 slicing for Label Studio.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../electron/export-job';
import type { ExportFormat, ExportSummary } from '../../shared/api';
import { documentIri } from '../../shared/export/export-w3c';
import { resolveOverlaps } from '../../shared/export/iob-tags';
import type { ExportRecord } from '../../shared/export/export-record';
import { writeFixtureWorkspace } from '../shared/export/fixture-documents';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
// Debian's own Python sees Debian's python3-pandas, -nltk and -pyld (another python3 may come first on PATH).
const PYTHON = '/usr/bin/python3';
const CONTEXT_FILE = join(repo, 'test', 'fixtures', 'anno.jsonld');
const SAMPLE = '000_b3be894ae1d50a96';

let dir: string;
let ws: string;
const summaries = new Map<ExportFormat, ExportSummary>();
let records: ExportRecord[];

async function python(script: string, ...args: string[]): Promise<unknown> {
  const file = join(dir, `check-${Math.random().toString(36).slice(2)}.py`);
  await writeFile(file, script);
  try {
    const { stdout } = await run(PYTHON, [file, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(stdout);
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`python check failed: ${err.stderr || err.message}`);
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tahrir-consumers-'));
  ws = join(dir, 'workspace');
  await mkdir(ws);
  // The sample workspace: seeds/ with the example sidecar, plus the awkward fixtures in a subfolder.
  await copyFile(join(repo, 'seeds', `${SAMPLE}.txt`), join(ws, `${SAMPLE}.txt`));
  await copyFile(
    join(repo, 'test', 'fixtures', 'sidecars', `${SAMPLE}.annotations.json`),
    join(ws, `${SAMPLE}.annotations.json`),
  );
  await mkdir(join(ws, 'fixtures'));
  await writeFixtureWorkspace(join(ws, 'fixtures'));
  for (const format of ['jsonl', 'conll', 'hf', 'brat', 'w3c', 'labelstudio'] as const) {
    const out = join(dir, 'out', format === 'brat' ? 'brat' : `export.${format}`);
    summaries.set(format, await runExport({ root: ws, request: { format, out } }));
  }
  records = (await readFile(summaries.get('jsonl')!.outputs[0], 'utf8'))
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('Debian python3 with pandas, nltk and pyld is there', async () => {
  expect(existsSync(PYTHON)).toBe(true);
  expect(await python('import json, pandas, nltk, pyld\nprint(json.dumps("ok"))')).toBe('ok');
});

it('exports the sample workspace: its spans, the hidden one left out', () => {
  const sample = records.find((r) => r.id === SAMPLE)!;
  expect(sample.text).toBe(readFileSync(join(repo, 'test', 'fixtures', 'sidecars', `${SAMPLE}.clean.txt`), 'utf8'));
  expect(sample.spans).toHaveLength(7);
  expect(sample.quotes.map((q) => sample.spans[q.speaker!].text)).toEqual(['بايدن', 'كيشيدا']);
  for (const s of summaries.values()) expect(s.skipped).toEqual([]);
  expect(summaries.get('jsonl')!.leftOut).toEqual({ 'inside removed text': 2 });
});

describe('jsonl', () => {
  it('Python: text[start:end] == span["text"] for every span and quote; pandas reads it', async () => {
    const result = (await python(
      `
import json, sys, pandas
path = sys.argv[1]
docs = spans = quotes = 0
with open(path, encoding='utf-8') as f:
    for line in f:
        rec = json.loads(line)
        docs += 1
        for s in rec['spans']:
            assert rec['text'][s['start']:s['end']] == s['text'], (rec['id'], s)
            spans += 1
        for q in rec['quotes']:
            assert rec['text'][q['start']:q['end']] == q['text'], (rec['id'], q)
            assert q['speaker'] is None or 0 <= q['speaker'] < len(rec['spans'])
            quotes += 1
frame = pandas.read_json(path, lines=True, dtype=False)
assert len(frame) == docs
assert list(frame.columns) == ['id', 'text', 'spans', 'quotes', 'meta'], list(frame.columns)
assert all(frame['text'].str.len() == [len(t) for t in frame['text']])
print(json.dumps({'documents': docs, 'spans': spans, 'quotes': quotes}))
`,
      summaries.get('jsonl')!.outputs[0],
    )) as { documents: number; spans: number; quotes: number };
    const summary = summaries.get('jsonl')!;
    expect(result).toEqual({
      documents: summary.documents,
      spans: Object.values(summary.spansByLabel).reduce((a, b) => a + b, 0),
      quotes: summary.quotes,
    });
  });
});

describe('conll', () => {
  it("NLTK's ConllCorpusReader reads it; entities rebuilt from its IOB tags equal ours", async () => {
    const file = summaries.get('conll')!.outputs[0];
    const entities = (await python(
      `
import json, os, sys
from nltk.corpus.reader import ConllCorpusReader
from nltk.chunk import conlltags2tree
path = sys.argv[1]
# Two columns: the token and its IOB2 tag, read through NLTK's (words, pos) column pair.
reader = ConllCorpusReader(os.path.dirname(path), [os.path.basename(path)], ('words', 'pos'))
entities = []
for sent in reader.tagged_sents():
    tree = conlltags2tree([(word, 'X', tag) for word, tag in sent])
    for chunk in tree.subtrees(lambda t: t.label() != 'S'):
        entities.append([chunk.label(), ''.join(word for word, _ in chunk.leaves())])
assert len(reader.words()) > 0
print(json.dumps(entities))
`,
      file,
    )) as [string, string][];
    const ours = records.flatMap((r) =>
      resolveOverlaps(r.spans).kept.map((s) => [s.label, s.text.replace(/[\s\x1c-\x1f\x85]+/gu, '')]),
    );
    expect(entities).toEqual(ours);
    expect(entities).toContainEqual(['PERSON', 'بايدن']); // the glued و+بايدن, split
  });
});

describe('hf', () => {
  it('Python: every line has tokens and tags of the same length, IOB2 tags only', async () => {
    const result = await python(
      `
import json, re, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
for r in rows:
    assert set(r) == {'id', 'tokens', 'ner_tags'}
    assert len(r['tokens']) == len(r['ner_tags']) > 0
    assert all(re.fullmatch(r'O|[BI]-\\S+', t) for t in r['ner_tags'])
    for prev, tag in zip(['O'] + r['ner_tags'], r['ner_tags']):
        assert not tag.startswith('I-') or prev[2:] == tag[2:], (r['id'], prev, tag)
print(json.dumps(len(rows)))
`,
      summaries.get('hf')!.outputs[0],
    );
    expect(result).toBeGreaterThan(0);
  });
});

describe('brat', () => {
  it('Python: every T line is the .txt sliced at its offsets; R and # lines point at T lines', async () => {
    const result = (await python(
      `
import json, os, sys
root = sys.argv[1]
counts = {'T': 0, 'R': 0, '#': 0}
for folder, _, files in os.walk(root):
    for name in files:
        if not name.endswith('.ann'):
            continue
        with open(os.path.join(folder, name[:-4] + '.txt'), encoding='utf-8', newline='') as f:
            text = f.read()
        with open(os.path.join(folder, name), encoding='utf-8', newline='') as f:
            lines = f.read().split('\\n')
        ids = set()
        for line in filter(None, lines):
            cols = line.split('\\t')
            kind = line[0]
            if kind == 'T':
                label, offsets = cols[1].split(' ', 1)
                fragments = [tuple(map(int, p.split(' '))) for p in offsets.split(';')]
                assert ' '.join(text[s:e] for s, e in fragments) == cols[2], (name, line)
                assert '\\r' not in cols[2] and '\\n' not in cols[2]
                ids.add(cols[0])
            elif kind == 'R':
                rel, a1, a2 = cols[1].split(' ')
                assert rel == 'Speaker' and a1[5:] in ids and a2[5:] in ids, line
            elif kind == '#':
                assert cols[1].split(' ')[1] in ids, line
            elif kind == 'A':
                assert cols[1].split(' ')[1] in ids, line
            counts[kind if kind in counts else '#'] = counts.get(kind, 0) + 1
assert os.path.exists(os.path.join(root, 'annotation.conf'))
print(json.dumps(counts))
`,
      summaries.get('brat')!.outputs[0],
    )) as Record<string, number>;
    const spans = records.reduce((n, r) => n + r.spans.length, 0);
    const quotes = records.reduce((n, r) => n + r.quotes.length, 0);
    const speakers = records.reduce((n, r) => n + r.quotes.filter((q) => q.speaker !== null).length, 0);
    expect(result.T).toBe(spans + quotes);
    expect(result.R).toBe(speakers);
  });
});

describe('w3c', () => {
  const OA = 'http://www.w3.org/ns/oa#';
  it('pyld expands it; every TextQuoteSelector.exact is the clean text at its TextPositionSelector', async () => {
    const texts = Object.fromEntries(records.map((r) => [documentIri(r.id), r.text]));
    const textsFile = join(dir, 'texts.json');
    await writeFile(textsFile, JSON.stringify(texts));
    const result = (await python(
      `
import json, sys
from pyld import jsonld
path, context_file, texts_file = sys.argv[1:4]
with open(context_file, encoding='utf-8') as f:
    context = json.load(f)
def loader(url, options=None):
    if url == 'http://www.w3.org/ns/anno.jsonld':
        return {'contextUrl': None, 'documentUrl': url, 'document': context}
    raise Exception('no network here: ' + url)
with open(path, encoding='utf-8') as f:
    collection = json.load(f)
with open(texts_file, encoding='utf-8') as f:
    texts = json.load(f)
expanded = jsonld.expand(collection, {'documentLoader': loader})
OA = '${OA}'
found = []
def walk(node):
    if isinstance(node, list):
        for x in node:
            walk(x)
    elif isinstance(node, dict):
        if OA + 'Annotation' in node.get('@type', []):
            found.append(node)
        for key, value in node.items():
            if key != '@type':
                walk(value)
walk(expanded)
for a in found:
    target = a[OA + 'hasTarget'][0]
    text = texts[target[OA + 'hasSource'][0]['@id']]
    selectors = target[OA + 'hasSelector']
    quote = next(s for s in selectors if OA + 'TextQuoteSelector' in s['@type'])
    position = next(s for s in selectors if OA + 'TextPositionSelector' in s['@type'])
    start = int(position[OA + 'start'][0]['@value'])
    end = int(position[OA + 'end'][0]['@value'])
    assert text[start:end] == quote[OA + 'exact'][0]['@value'], (start, end)
    assert text[:start].endswith(quote[OA + 'prefix'][0]['@value'])
    assert text[end:].startswith(quote[OA + 'suffix'][0]['@value'])
    bodies = a[OA + 'hasBody']
    assert any(OA + 'tagging' in [p['@id'] for p in b.get(OA + 'hasPurpose', [])] for b in bodies)
print(json.dumps(len(found)))
`,
      summaries.get('w3c')!.outputs[0],
      CONTEXT_FILE,
      textsFile,
    )) as number;
    expect(result).toBe(records.reduce((n, r) => n + r.spans.length + r.quotes.length, 0));
  });

  it('the jsonld npm package expands it too, with the same selectors', async () => {
    const jsonld = createRequire(import.meta.url)('jsonld') as {
      expand(doc: unknown, options: object): Promise<unknown[]>;
    };
    const context = JSON.parse(await readFile(CONTEXT_FILE, 'utf8'));
    const documentLoader = async (url: string) => {
      if (url === 'http://www.w3.org/ns/anno.jsonld') return { contextUrl: null, documentUrl: url, document: context };
      throw new Error(`no network here: ${url}`);
    };
    const expanded = await jsonld.expand(JSON.parse(await readFile(summaries.get('w3c')!.outputs[0], 'utf8')), {
      documentLoader,
    });
    const texts = new Map(records.map((r) => [documentIri(r.id), Array.from(r.text)]));
    type Node = Record<string, unknown>;
    const annotations: Node[] = [];
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === 'object') {
        const node = n as Node;
        if ((node['@type'] as string[] | undefined)?.includes(`${OA}Annotation`)) annotations.push(node);
        for (const [k, v] of Object.entries(node)) if (k !== '@type') walk(v);
      }
    };
    walk(expanded);
    expect(annotations.length).toBe(records.reduce((n, r) => n + r.spans.length + r.quotes.length, 0));
    const value = (node: Node, key: string) => (node[`${OA}${key}`] as { '@value': unknown }[])[0]['@value'];
    for (const a of annotations) {
      const target = (a[`${OA}hasTarget`] as Node[])[0];
      const chars = texts.get((target[`${OA}hasSource`] as Node[])[0]['@id'] as string)!;
      const selectors = target[`${OA}hasSelector`] as Node[];
      const quote = selectors.find((s) => (s['@type'] as string[]).includes(`${OA}TextQuoteSelector`))!;
      const position = selectors.find((s) => (s['@type'] as string[]).includes(`${OA}TextPositionSelector`))!;
      expect(chars.slice(Number(value(position, 'start')), Number(value(position, 'end'))).join('')).toBe(
        value(quote, 'exact'),
      );
    }
  });
});

describe('labelstudio', () => {
  it("Python, as Label Studio's converters read it: data.text[start:end] == value.text for every region", async () => {
    const result = (await python(
      `
import json, sys
tasks = json.load(open(sys.argv[1], encoding='utf-8'))
regions = 0
for task in tasks:
    text = task['data']['text']
    ids = set()
    for r in task['annotations'][0]['result']:
        if r['type'] == 'labels':
            v = r['value']
            assert text[v['start']:v['end']] == v['text'], (task['data']['document'], v)
            assert r['from_name'] and r['to_name'] and v['labels']
            ids.add(r['id'])
            regions += 1
    for r in task['annotations'][0]['result']:
        if r['type'] == 'relation':
            assert r['from_id'] in ids and r['to_id'] in ids
print(json.dumps(regions))
`,
      summaries.get('labelstudio')!.outputs[0],
    )) as number;
    expect(result).toBe(records.reduce((n, r) => n + r.spans.length + r.quotes.length, 0));
  });

  it('the tasks carry every span and quote of the JSONL export, in the same code points', async () => {
    const tasks = JSON.parse(await readFile(summaries.get('labelstudio')!.outputs[0], 'utf8')) as {
      data: { text: string; document: string };
      annotations: {
        result: { type: string; value?: { start: number; end: number; text: string; labels: string[] } }[];
      }[];
    }[];
    expect(tasks.map((t) => t.data.document)).toEqual(records.map((r) => r.id));
    for (const [i, task] of tasks.entries()) {
      const record = records[i];
      expect(task.data.text).toBe(record.text);
      const regions = task.annotations[0].result
        .filter((r) => r.type === 'labels')
        .map((r) => [r.value!.start, r.value!.end, r.value!.text]);
      expect(regions).toEqual([...record.spans, ...record.quotes].map((s) => [s.start, s.end, s.text]));
    }
  });
});
