// `tahrir suggest --entities --quotes` on a workspace written here: suggestions from the
// workspace's entities (with clitics, and conflicting labels), from a tagger trained on its
// done documents, and quote candidates with speakers; offsets checked by Python's slicing.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { DocumentStatus, Entity, Sidecar } from '../../../shared/model';
import { emptySidecar, serializeSidecar } from '../../../shared/sidecar';
import { toySentences } from '../../shared/ner/toy-corpus';
import { snapshot, tempFolder, writeFiles } from '../temp-folder';
import { useCliBundle } from './cli-bundle';

vi.setConfig({ testTimeout: 120_000 });
const tahrir = useCliBundle();

const cp = (s: string) => Array.from(s);

/** A text and its sidecar, with every occurrence of each name tagged. */
function document(
  name: string,
  text: string,
  status: DocumentStatus,
  tagged: [string, string][],
): Record<string, string> {
  const entities: Entity[] = [];
  for (const [surface, label] of tagged) {
    let from = 0;
    for (;;) {
      const u = text.indexOf(surface, from);
      if (u < 0) break;
      const start = cp(text.slice(0, u)).length;
      entities.push({ id: `e${entities.length + 1}`, start, end: start + cp(surface).length, label, text: surface });
      from = u + surface.length;
    }
  }
  const sidecar: Sidecar = {
    ...emptySidecar(`${name}.txt`, createHash('sha256').update(text).digest('hex'), cp(text).length),
    entities,
  };
  sidecar.document.status = status;
  return { [`${name}.txt`]: text, [`${name}.annotations.json`]: serializeSidecar(sidecar) };
}

interface Out {
  entities: { start: number; end: number; label: string; score: number; source: string; conflicts?: string[] }[];
  quotes: { start: number; end: number; kind: string; speaker: { start: number; end: number } | null; score: number }[];
}

const pythonSlices = (root: string, file: string, spans: { start: number; end: number }[]): string[] => {
  const script =
    'import json,sys\ntext=open(sys.argv[1],encoding="utf-8-sig",newline="").read()\nprint(json.dumps([text[s:e] for s,e in json.loads(sys.argv[2])]))';
  return JSON.parse(
    execFileSync(
      '/usr/bin/python3',
      ['-c', script, join(root, file), JSON.stringify(spans.map((s) => [s.start, s.end]))],
      { encoding: 'utf8' },
    ),
  );
};

describe('tahrir suggest --entities --quotes', () => {
  it('workspace entities found with clitics and conflicts, quotes with their speakers, offsets as Python slices them; writes nothing', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      ...document('a', 'التقى بايدن في القاهرة مع وفد من Jordan أمس.', 'done', [
        ['بايدن', 'PERSON'],
        ['القاهرة', 'GPE'],
        ['Jordan', 'GPE'],
      ]),
      ...document('b', 'Michael Jordan played.', 'todo', [['Jordan', 'PERSON']]),
      'c.txt':
        '😀 وقال بايدن: «سنواصل دعم الاقتصاد في كل المناطق». ثم زار وفد بالقاهرة وJordan.\r\nوأكد بايدن أن الاتفاق سيوقع قريبا جدا.',
    });
    const before = await snapshot(root);
    const r = await tahrir(['suggest', 'c.txt', '--entities', '--quotes', '--json'], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    const workspace = out.entities.filter((e) => e.source === 'workspace');
    expect(pythonSlices(root, 'c.txt', workspace)).toEqual(['بايدن', 'القاهرة', 'Jordan', 'بايدن']);
    expect(workspace.map((e) => e.label)).toEqual(['PERSON', 'GPE', 'GPE', 'PERSON']);
    expect(workspace[2].conflicts).toEqual(['PERSON']);
    expect(out.quotes.map((q) => q.kind)).toEqual(['direct', 'indirect']);
    expect(pythonSlices(root, 'c.txt', out.quotes)).toEqual([
      'سنواصل دعم الاقتصاد في كل المناطق',
      'الاتفاق سيوقع قريبا جدا',
    ]);
    expect(
      pythonSlices(
        root,
        'c.txt',
        out.quotes.map((q) => q.speaker!),
      ),
    ).toEqual(['بايدن', 'بايدن']);
    expect(await snapshot(root)).toEqual(before);
  });

  it('the tagger trained on the done and in-progress documents suggests a name nobody tagged', async () => {
    const root = await tempFolder();
    const files: Record<string, string> = {};
    const sentences = toySentences(120, 1, 0);
    for (let d = 0; d < 6; d++) {
      const part = sentences.slice(d * 20, d * 20 + 20);
      const text = part.map((s) => s.tokens.join(' ').replace(/\u200E/gu, '')).join('\n');
      const names = part.flatMap((s) => {
        const words = s.tokens.map((t) => t.replace(/\u200E/gu, ''));
        const out: [string, string][] = [];
        s.tags.forEach((t, i) => {
          if (!t.startsWith('B-')) return;
          let j = i + 1;
          while (j < s.tags.length && s.tags[j].startsWith('I-')) j++;
          out.push([
            words.slice(i, j).join(' '),
            { Politician: 'PERSON', 'Population-Center': 'GPE', Government: 'ORG' }[t.slice(2)]!,
          ]);
        });
        return out;
      });
      Object.assign(files, document(`doc${d}`, text, d % 2 === 0 ? 'done' : 'in_progress', names));
    }
    // Names from the other half of the toy lists: in no document.
    files['new.txt'] = 'الوزير ريم يونس زار صفاقس امس .';
    await writeFiles(root, files);
    const r = await tahrir(['suggest', 'new.txt', '--entities', '--json'], root);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.quotes).toBeUndefined();
    const tagged = out.entities.filter((e) => e.source === 'tagger');
    expect(pythonSlices(root, 'new.txt', tagged)).toEqual(['ريم يونس', 'صفاقس']);
    expect(tagged.map((e) => e.label)).toEqual(['PERSON', 'GPE']);
    for (const e of tagged) expect(e.score).toBeGreaterThan(0);

    // The readable list names each suggestion.
    const text = await tahrir(['suggest', 'new.txt', '--entities'], root);
    expect(text.stdout).toMatch(/entities: 2\n\s+7–15\s+PERSON\s+tagger/u);
  });

  it('a broken sidecar elsewhere in the workspace is named and skipped', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      ...document('a', 'زار بايدن المدينة.', 'done', [['بايدن', 'PERSON']]),
      'broken.txt': 'x',
      'broken.annotations.json': '{"format": "tahrir-annotations", "version": 1',
      'c.txt': 'وبايدن هنا.',
    });
    const r = await tahrir(['suggest', 'c.txt', '--entities', '--json'], root);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/broken\.annotations\.json.*its entities are not used/u);
    expect((JSON.parse(r.stdout) as Out).entities.map((e) => [e.start, e.end, e.source])).toEqual([
      [1, 6, 'workspace'],
    ]);
  });
});
