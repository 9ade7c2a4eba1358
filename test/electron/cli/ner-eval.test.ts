// `tahrir ner-eval` as a user runs it: a real process on CoNLL files written here (a toy
// corpus, never the research data), its report, and its errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { toConll, toySentences } from '../../shared/ner/toy-corpus';
import { tempFolder, writeFiles } from '../temp-folder';
import { useCliBundle } from './cli-bundle';

vi.setConfig({ testTimeout: 120_000 });
const tahrir = useCliBundle();

/** 400 toy sentences: 1–300 with one half of the names, 301–400 with the other. */
const CORPUS = toConll([...toySentences(300, 1, 0), ...toySentences(100, 2, 1)]);

describe('tahrir ner-eval', () => {
  it('trains on one range of a file and tests on another: per-label P/R/F1, the micro line last', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'toy.conll': CORPUS });
    const r = await tahrir(
      ['ner-eval', '--train', 'toy.conll:1-300', '--test', 'toy.conll:301-400', '--epochs', '5'],
      root,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^trained on 300 sentences \(toy\.conll:1-300\) in \d+\.\d s, 5 passes; tested on 100 sentences/u,
    );
    // Politician → PERSON, Population-Center → GPE, Government → ORG (the issue's map).
    expect(lines.slice(1, -1).map((l) => l.split(' ')[0])).toEqual(['GPE', 'ORG', 'PERSON']);
    expect(lines.find((l) => l.startsWith('PERSON'))).toMatch(
      /P=\d\.\d{3} R=\d\.\d{3} F1=\d\.\d{3}\s+\(gold 100, predicted \d+, correct \d+\)/u,
    );
    const micro = /^micro PERSON\/ORG\/GPE\/LOC P=(\d\.\d{3}) R=(\d\.\d{3}) F1=(\d\.\d{3})$/u.exec(
      lines[lines.length - 1],
    );
    expect(micro).not.toBeNull();
    expect(Number(micro![3])).toBeGreaterThan(0.9);
  });

  it('--curve: F1 after 50, 100, 200 and all training sentences; --save-model writes the readable model', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'train.conll': toConll(toySentences(300, 1, 0)),
      'test.conll': toConll(toySentences(60, 2, 1)),
    });
    const r = await tahrir(
      [
        'ner-eval',
        '--train',
        'train.conll',
        '--test',
        'test.conll',
        '--curve',
        '--epochs',
        '3',
        '--save-model',
        'model.json',
      ],
      root,
    );
    expect(r.code).toBe(0);
    const curve = [...r.stdout.matchAll(/^\s+(\d+) sentences\s+F1=(\d\.\d{3})/gmu)].map((m) => Number(m[1]));
    expect(curve).toEqual([50, 100, 200, 300]);
    expect(r.stdout.trim().split('\n').pop()).toMatch(/^micro PERSON\/ORG\/GPE\/LOC /u);
    const model = JSON.parse(readFileSync(join(root, 'model.json'), 'utf8'));
    expect(model).toMatchObject({ format: 'tahrir-tagger', version: 1, epochs: 3, sentences: 300, gazetteer: true });
    expect(model.tags).toContain('B-PERSON');
  });

  it('--unlabeled FOLDER: word profiles from the .txt files under it, kept in the saved model', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'toy.conll': CORPUS,
      'texts/a.txt': 'قال الرئيس سامر حداد ان الوزارة جديدة.\nقال الرئيس سامر حداد ان الوزارة جديدة.',
      'texts/more/b.txt': 'وصل سامر الى حلب. وصل سامر الى حلب. وصل سامر الى حلب.',
      'texts/notes.md': 'not read',
    });
    const r = await tahrir(
      [
        'ner-eval',
        '--train',
        'toy.conll:1-300',
        '--test',
        'toy.conll:301-400',
        '--epochs',
        '3',
        '--unlabeled',
        'texts',
        '--save-model',
        'model.json',
      ],
      root,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(
      /; word profiles from the training and test sentences' words and 2 untagged texts \(texts\)$/u,
    );
    const model = JSON.parse(readFileSync(join(root, 'model.json'), 'utf8'));
    expect(model.profiles['سامر']).toMatch(/^uf=\d+ ua=0 up=0 /u);
  });

  it("the test sentences' words are untagged text, as the document suggested on is in a workspace", async () => {
    // نزار is only in the test sentences (three times): the model's word profiles know it, though not its tag.
    const root = await tempFolder();
    const test = 'قال\tO\r\nنزار\tB-Politician\r\nان\tO\r\n';
    await writeFiles(root, {
      'train.conll': toConll(toySentences(60, 1, 0)),
      'test.conll': [test, test, test].join('\r\n'),
    });
    const r = await tahrir(
      ['ner-eval', '--train', 'train.conll', '--test', 'test.conll', '--epochs', '1', '--save-model', 'model.json'],
      root,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toMatch(/; word profiles from the training and test sentences' words$/u);
    const model = JSON.parse(readFileSync(join(root, 'model.json'), 'utf8'));
    expect(model.profiles['نزار']).toMatch(/^uf=1 ua=0 up=0 ul=قال ur=ان/u);
  });

  it('--label-map: a JSON file of class → label', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'toy.conll': CORPUS, 'map.json': '{"Politician": "PERSON", "*": "O"}' });
    const r = await tahrir(
      [
        'ner-eval',
        '--train',
        'toy.conll:1-300',
        '--test',
        'toy.conll:301-400',
        '--epochs',
        '3',
        '--label-map',
        'map.json',
      ],
      root,
    );
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .split('\n')
        .slice(1, -2)
        .map((l) => l.split(' ')[0]),
    ).toEqual(['PERSON']);
  });

  it('bad input: one line naming the file and what is wrong; exit 1 for data, 2 for usage', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'toy.conll': CORPUS,
      'bad.conll': 'a\tO\r\nb\tO\r\n\r\nc\tB-\r\n',
      'map.json': '{"Politician": 3}',
      'empty/notes.md': 'no texts here',
    });
    const cases: [string[], number, RegExp][] = [
      [['--train', 'nope.conll', '--test', 'toy.conll'], 1, /^tahrir ner-eval: nope\.conll: no such file\n$/u],
      [
        ['--train', 'bad.conll', '--test', 'toy.conll'],
        1,
        /^tahrir ner-eval: bad\.conll line 4: "B-" is not a BIO tag/u,
      ],
      [
        ['--train', 'toy.conll:1-300', '--test', 'toy.conll:301-500'],
        2,
        /toy\.conll has 400 sentences, fewer than 500/u,
      ],
      [
        ['--train', 'toy.conll:9-3', '--test', 'toy.conll'],
        2,
        /toy\.conll:9-3: the sentence range 9-3 must be FROM-TO/u,
      ],
      [['--train', 'toy.conll'], 2, /--test is needed/u],
      [
        ['--train', 'toy.conll', '--test', 'toy.conll', '--label-map', 'map.json'],
        1,
        /map\.json: the label of "Politician" must be a word/u,
      ],
      [['--train', 'toy.conll', '--test', 'toy.conll', '--epochs', '0'], 2, /--epochs must be a whole number ≥ 1/u],
      [
        ['--train', 'toy.conll', '--test', 'toy.conll', '--unlabeled', 'nowhere'],
        1,
        /^tahrir ner-eval: --unlabeled nowhere: no such folder\n$/u,
      ],
      [
        ['--train', 'toy.conll', '--test', 'toy.conll', '--unlabeled', 'toy.conll'],
        1,
        /^tahrir ner-eval: --unlabeled toy\.conll: not a folder\n$/u,
      ],
      [
        ['--train', 'toy.conll', '--test', 'toy.conll', '--unlabeled', 'empty'],
        1,
        /^tahrir ner-eval: --unlabeled empty: no \.txt files in it\n$/u,
      ],
    ];
    for (const [args, code, message] of cases) {
      const r = await tahrir(['ner-eval', ...args], root);
      expect([r.code, r.stdout]).toEqual([code, '']);
      expect(r.stderr).toMatch(message);
    }
  });
});
