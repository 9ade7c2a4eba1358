// Teams, end to end (`tahrir serve` in Chromium): the workspace is a git repository where two
// annotators' branches hold their versions of two documents. The agreement view measures them
// (heatmap and bars drawn, in English and in Arabic), a click on the document with the most
// disagreement opens it in curation, every difference is settled by keyboard (one take undone
// and taken again), and the curated sidecar on disk holds what was taken, by whom, and from where.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend';
import type { Entity, Quote, Sidecar } from '../../shared/model';
import { parseSidecar, serializeSidecar } from '../../shared/sidecar';
import * as harness from './harness';
import { haveChromium, SAMPLE, shots, type EditorSession } from './harness';
import { words } from '../helpers/isolated';

const OTHER = '001_c45525185d8883c3';
let session: EditorSession;
const page = () => session.page;

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore' });
}

/** The workspace as a repository: main holds the texts; annotators/ali and annotators/sara their sidecars. */
async function annotated(root: string): Promise<void> {
  const source = await harness.readSource(root, SAMPLE);
  const span = (id: string, needle: string, label: string, by: string, skip = 0, occurrence = 0): Entity => {
    const start = harness.cpOffset(source, needle, occurrence) + skip;
    const text = [...needle].slice(skip).join('');
    return { id, start, end: start + [...text].length, label, text, createdBy: by };
  };
  const quote = (speaker: string, by: string): Quote => {
    const needle = 'نرحب بفرصة حلفائنا';
    const start = harness.cpOffset(source, needle);
    return { id: 'q1', start, end: start + [...needle].length, text: needle, speaker, kind: 'direct', createdBy: by };
  };
  const backend = await Backend.open(root);
  const empty = (await backend.openDocument(SAMPLE)).sidecar;
  const other = (await backend.openDocument(OTHER)).sidecar;
  const otherEntity = (by: string): Entity => ({
    id: 't1',
    start: 0,
    end: 4,
    label: 'ORG',
    text: 'أوبك',
    createdBy: by,
  });
  await backend.close();
  const version = (by: string, entities: Entity[], quotes: Quote[]): Sidecar => ({
    ...empty,
    document: { status: 'done' },
    entities: entities.sort((a, b) => a.start - b.start || a.end - b.end),
    quotes,
  });
  const shared = (by: string) => [
    span('t1', 'كيم جونغ أون', 'PERSON', by),
    span('t8', 'وقال بايدن', 'PERSON', by, 5),
    span('t9', 'كيشيدا', 'PERSON', by, 0, 2),
  ];
  const ali = version(
    'ali',
    [
      ...shared('ali'),
      span('t2', 'اليابان', 'GPE', 'ali'),
      span('t3', 'جو بايدن', 'PERSON', 'ali'),
      span('t4', 'كوريا الشمالية', 'GPE', 'ali'),
    ],
    [quote('t8', 'ali')],
  );
  const sara = version(
    'sara',
    [...shared('sara'), span('t5', 'اليابان', 'LOC', 'sara'), span('t6', 'جو بايدن', 'PERSON', 'sara', 3)],
    [quote('t9', 'sara')],
  );
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.name', 'Curator');
  git(root, 'config', 'user.email', 'c@example.org');
  git(root, 'add', '.');
  git(root, 'commit', '-qm', 'texts');
  for (const [branch, mine] of [
    ['annotators/ali', ali],
    ['annotators/sara', sara],
  ] as const) {
    git(root, 'checkout', '-qb', branch, 'main');
    await writeFile(join(root, `${SAMPLE}.annotations.json`), serializeSidecar(mine));
    const by = branch.split('/')[1];
    await writeFile(
      join(root, `${OTHER}.annotations.json`),
      serializeSidecar({ ...other, document: { status: 'done' }, entities: [otherEntity(by)] }),
    );
    git(root, 'add', '.');
    git(root, 'commit', '-qm', branch);
  }
  git(root, 'checkout', '-q', 'main');
}

describe.skipIf(!haveChromium)('Agreement and curation in Chromium (tahrir serve)', () => {
  beforeAll(async () => {
    session = await harness.openEditor({ name: 'curation', prepare: annotated });
    await page().waitForSelector(`[data-doc-id="${SAMPLE}"]`);
  }, 300_000);

  afterAll(async () => {
    await session?.close();
  });

  const count = () => page().locator('[data-testid="curation-count"]').textContent();

  it('measures agreement between the two branches: figures, heatmap and bars, in English and Arabic', async () => {
    await page().keyboard.press('Control+Shift+KeyG');
    const view = page().locator('[data-testid="agreement-view"]');
    await view.waitFor();
    // The annotators' branches are chosen for us.
    await expect
      .poll(() => page().locator('[data-testid="agreement-versions"] li').allTextContents())
      .toEqual(['annotators/ali×', 'annotators/sara×']);
    await page().locator('[data-testid="agreement-measure"]').click();
    await page().locator('[data-testid="agreement-report"]').waitFor();
    expect(await page().locator('[data-testid="agreement-summary"]').textContent()).toBe('2 documents compared.');
    // Drawn once uPlot has loaded (agreement-charts.ts).
    await expect.poll(() => page().locator('.agreement-chart canvas').count()).toBeGreaterThanOrEqual(2);
    const docs = await page().locator('[data-testid="agreement-documents"] button').allTextContents();
    expect(docs[0]).toContain(SAMPLE);
    expect(docs[1]).toContain(OTHER);
    expect(docs[1]).toMatch(/^0\.00/);
    // Tall enough to show the whole view in one picture.
    await page().setViewportSize({ width: 1400, height: 1900 });
    await view.screenshot({ path: join(shots, 'agreement-view-en.png') });

    // Closed, the language switched, opened again: the last measurement is there at once, in Arabic.
    await page().keyboard.press('Escape');
    await view.waitFor({ state: 'detached' });
    await page().locator('[data-testid="language-switch"]').selectOption('ar');
    await page().locator('[data-testid="open-agreement"]').click();
    await page().locator('[data-testid="agreement-report"]').waitFor();
    expect(await page().locator('[data-testid="agreement-summary"]').textContent()).toContain('قورن مستندان');
    expect(await page().evaluate(() => document.documentElement.dir)).toBe('rtl');
    await view.screenshot({ path: join(shots, 'agreement-view-ar.png') });
    await page().setViewportSize({ width: 1400, height: 900 });
    await page().keyboard.press('Escape');
    await page().locator('[data-testid="language-switch"]').selectOption('en');
  });

  it('opens the document with most disagreement in curation and settles every difference by keyboard', async () => {
    await page().locator('[data-testid="open-agreement"]').click();
    await page().locator(`[data-testid="agreement-documents"] button[aria-label*="${SAMPLE}"]`).click();
    await page().locator('[data-testid="curation-queue"]').waitFor();
    await page().waitForSelector('[data-para]');
    await expect.poll(count).toContain('4 differences left');
    expect(words(await page().locator('[data-testid="curation-current"]').textContent())).toBe(
      'Entity: the label differs',
    );
    // The differences are underlined in the text.
    expect(await page().evaluate(() => CSS.highlights.get('tahrir-difference')?.size ?? 0)).toBe(3);
    expect(await page().evaluate(() => CSS.highlights.get('tahrir-difference-current')?.size ?? 0)).toBe(1);
    await page().screenshot({ path: join(shots, 'curation.png') });

    // T: Sara's LOC; undone, and taken again.
    await page().keyboard.press('t');
    await expect.poll(count).toContain('3 differences left');
    await page().keyboard.press('Control+z');
    await expect.poll(count).toContain('4 differences left');
    await page().keyboard.press('t');
    await expect.poll(count).toContain('3 differences left');
    expect(words(await page().locator('[data-testid="curation-current"]').textContent())).toBe(
      'Entity: only in annotators/ali',
    );
    // M: Ali's side (he has كوريا الشمالية).
    await page().keyboard.press('m');
    await expect.poll(count).toContain('2 differences left');
    expect(words(await page().locator('[data-testid="curation-current"]').textContent())).toBe(
      'Entity: the boundary differs',
    );
    // 2: the second version's (Sara's) boundary; the label hotkey 2 does not tag here.
    await page().keyboard.press('2');
    await expect.poll(count).toContain('1 difference left');
    expect(words(await page().locator('[data-testid="curation-current"]').textContent())).toBe(
      'Quote: the speaker differs',
    );
    // B: refused (a quote has one speaker), nothing taken; then M.
    await page().keyboard.press('b');
    await expect
      .poll(() => page().locator('.toast').allTextContents())
      .toContainEqual(expect.stringContaining('A quote has one speaker'));
    expect(await count()).toContain('1 difference left');
    await page().keyboard.press('m');
    await expect
      .poll(async () => words(await count()))
      .toContain('Every difference between annotators/ali, annotators/sara is settled');
    await harness.waitSaved(page());
    await page().screenshot({ path: join(shots, 'curation-settled.png') });

    const onDisk = parseSidecar(await readFile(join(session.root, `${SAMPLE}.annotations.json`), 'utf8'));
    expect(onDisk.entities.map((e) => [e.text, e.label, e.createdBy])).toEqual([
      ['كيم جونغ أون', 'PERSON', 'ali'],
      ['اليابان', 'LOC', 'sara'],
      ['كوريا الشمالية', 'GPE', 'ali'],
      ['بايدن', 'PERSON', 'sara'],
      ['بايدن', 'PERSON', 'ali'],
      ['كيشيدا', 'PERSON', 'ali'],
    ]);
    const speaker = onDisk.entities.find((e) => e.id === onDisk.quotes[0].speaker);
    expect(speaker?.start).toBe(onDisk.entities[4].start);
    expect(onDisk.document.curatedFrom?.versions).toEqual(['annotators/ali', 'annotators/sara']);
    expect(Object.values(onDisk.document.curatedFrom!.decisions)).toEqual([
      'annotators/sara',
      'annotators/ali',
      'annotators/sara',
      'annotators/ali',
    ]);
  });
});
