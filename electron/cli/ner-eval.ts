// `tahrir ner-eval --train TRAIN.conll --test TEST.conll [--label-map FILE] [--curve]`: trains
// the entity tagger that suggests entities in the editor and scores it on held-out
// sentences: precision, recall and F1 per label over exact spans (conlleval), micro-averaged
// over PERSON/ORG/GPE/LOC on the last line. FILE:FROM-TO takes sentences FROM–TO (1-based,
// inclusive) of a file, so one file gives both parts: --train f.conll:1-3000 --test f.conll:3001-3800.
// The tagger also learns what untagged text says of each word (shared/ner/word-profile.ts). As in the workspace,
// whose texts (the document suggested on among them) are that text, the training and the test sentences' words
// (never their tags) are untagged text; --unlabeled FOLDER adds the plain texts (.txt) under a folder.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { TahrirError } from '../../shared/errors';
import { DEFAULT_EPOCHS, loadTagger, tagSentences, trainEntityTagger } from '../../shared/ner/entity-tagger';
import {
  ConllError,
  DEFAULT_LABEL_MAP,
  parseConll,
  parseDataArgument,
  parseLabelMap,
  SCORED_LABELS,
  scoreSpans,
  sentenceRange,
  type ConllSentence,
  type LabelMap,
  type LabelScore,
} from '../../shared/ner/ner-data';
import { tokenize } from '../../shared/tokenizer';
import { TEXT_SUFFIX } from '../../shared/workspace-layout';
import { parseCommandLine, usageError } from './command-line';

const USAGE =
  'usage: tahrir ner-eval --train TRAIN.conll[:FROM-TO] --test TEST.conll[:FROM-TO] [--label-map FILE] [--curve] [--unlabeled FOLDER] [--epochs N] [--seed N] [--save-model FILE]';

/** Training sizes of the learning curve (then all the training sentences). */
const CURVE = [50, 100, 200, 400, 800, 1600];

async function readText(arg: string, file: string): Promise<string> {
  try {
    return await readFile(resolve(file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new TahrirError(
      'not-found',
      `${arg}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a CoNLL file' : String(e)}`,
    );
  }
}

async function readSentences(arg: string, labels: LabelMap): Promise<ConllSentence[]> {
  let data: ReturnType<typeof parseDataArgument>;
  try {
    data = parseDataArgument(arg);
  } catch (e) {
    throw new TahrirError('invalid-argument', `${arg}: ${(e as Error).message}\n${USAGE}`);
  }
  const text = await readText(arg, data.file);
  let sentences: ConllSentence[];
  try {
    sentences = parseConll(text, labels);
  } catch (e) {
    if (e instanceof ConllError) throw new Error(`${data.file} ${e.message}`);
    throw e;
  }
  if (data.range && data.range.to > sentences.length) {
    throw new TahrirError(
      'invalid-argument',
      `${arg}: ${data.file} has ${sentences.length} sentences, fewer than ${data.range.to}`,
    );
  }
  const chosen = sentenceRange(sentences, data.range);
  if (chosen.length === 0) throw new Error(`${data.file}: no sentences`);
  return chosen;
}

/** The words of every .txt file under `folder`, file by file in path order (the same folder → the same result). */
async function readUnlabeled(folder: string): Promise<string[][]> {
  let names: string[];
  try {
    names = (await readdir(resolve(folder), { recursive: true })).filter((n) => n.endsWith(TEXT_SUFFIX)).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new TahrirError(
      'not-found',
      `--unlabeled ${folder}: ${code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'not a folder' : String(e)}`,
    );
  }
  if (names.length === 0) throw new TahrirError('not-found', `--unlabeled ${folder}: no .txt files in it`);
  return Promise.all(
    names.map(async (name) => tokenize(await readFile(join(resolve(folder), name), 'utf8')).map((t) => t.text)),
  );
}

function integerOption(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw usageError(`--${name} must be a whole number ≥ ${min} (got ${value})`, USAGE);
  return n;
}

const f3 = (x: number) => x.toFixed(3);

function row(s: LabelScore): string {
  return `${s.label.padEnd(8)} P=${f3(s.precision)} R=${f3(s.recall)} F1=${f3(s.f1)}  (gold ${s.gold}, predicted ${s.predicted}, correct ${s.correct})`;
}

export async function run(args: string[]): Promise<number> {
  const line = parseCommandLine(args, USAGE, {
    flags: ['curve'],
    options: ['train', 'test', 'label-map', 'epochs', 'seed', 'save-model', 'unlabeled'],
  });
  if (line.positionals.length > 0) throw usageError(`unexpected argument ${line.positionals[0]}`, USAGE);
  const trainArg = line.options.get('train');
  const testArg = line.options.get('test');
  if (!trainArg || !testArg) throw usageError(`--${trainArg ? 'test' : 'train'} is needed`, USAGE);
  const epochs = integerOption(line.options.get('epochs'), 'epochs', DEFAULT_EPOCHS, 1);
  const seed = integerOption(line.options.get('seed'), 'seed', 1, 0);

  let labels = DEFAULT_LABEL_MAP;
  const mapFile = line.options.get('label-map');
  if (mapFile) {
    try {
      labels = parseLabelMap(await readText(mapFile, mapFile));
    } catch (e) {
      if (e instanceof TahrirError) throw e;
      throw new Error(`${mapFile}: ${(e as Error).message}`);
    }
  }
  const train = await readSentences(trainArg, labels);
  const test = await readSentences(testArg, labels);
  const gold = test.map((s) => s.tags);
  const unlabeledFolder = line.options.get('unlabeled');
  const folderTexts = unlabeledFolder ? await readUnlabeled(unlabeledFolder) : [];
  // The workspace's untagged text always holds its documents, the one being suggested on too: here, the test
  // sentences (their words only), with the training sentences' words (added in trainEntityTagger).
  const unlabeled = [...test.map((s) => s.tokens), ...folderTexts];

  const evaluate = (sentences: readonly ConllSentence[]) => {
    const started = performance.now();
    const trained = trainEntityTagger(sentences, { epochs, seed, unlabeled });
    const seconds = (performance.now() - started) / 1000;
    const tagged = tagSentences(
      loadTagger(trained.model),
      trained.gazetteer,
      test.map((s) => s.tokens),
    );
    return {
      trained,
      seconds,
      scores: scoreSpans(
        gold,
        tagged.map((t) => t.tags),
        SCORED_LABELS,
      ),
    };
  };

  // The curve is printed as it goes: each point trains a tagger anew.
  const write = (text: string) => process.stdout.write(`${text}\n`);
  if (line.flags.has('curve')) {
    write('learning curve (micro F1 on PERSON/ORG/GPE/LOC):');
    for (const size of CURVE.filter((n) => n < train.length)) {
      const { scores, seconds } = evaluate(train.slice(0, size));
      write(`  ${String(size).padStart(6)} sentences  F1=${f3(scores.micro.f1)}  (trained in ${seconds.toFixed(1)} s)`);
    }
  }
  const { trained, seconds, scores } = evaluate(train);
  const out: string[] = [];
  if (line.flags.has('curve'))
    out.push(
      `  ${String(train.length).padStart(6)} sentences  F1=${f3(scores.micro.f1)}  (all, trained in ${seconds.toFixed(1)} s)`,
    );
  const saveTo = line.options.get('save-model');
  if (saveTo) await writeFile(resolve(saveTo), `${JSON.stringify(trained.model)}\n`);
  out.push(
    `trained on ${train.length} sentences (${trainArg}) in ${seconds.toFixed(1)} s, ${epochs} passes; ` +
      `tested on ${test.length} sentences (${testArg})` +
      `; word profiles from the training and test sentences' words` +
      (unlabeledFolder ? ` and ${folderTexts.length} untagged texts (${unlabeledFolder})` : ''),
  );
  for (const s of scores.labels) out.push(row(s));
  const m = scores.micro;
  out.push(`micro ${SCORED_LABELS.join('/')} P=${f3(m.precision)} R=${f3(m.recall)} F1=${f3(m.f1)}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
