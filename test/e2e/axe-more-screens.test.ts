// axe-core on the screens accessibility.test.ts does not open (progress, import with its report, site
// templates, agreement with its report, the conflict queue, curation), in each interface language and
// theme: no serious or critical violation. In Arabic, the back end's words on them are Arabic: an
// import's skipped reasons, agreement's left-out document, a broken sidecar in the list, the cleanup
// groups' headings; and the annotator chart's number fits. `tahrir serve` on a temp copy of seeds/.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend';
import type { Entity, Sidecar } from '../../shared/model';
import { serializeSidecar } from '../../shared/sidecar';
import * as harness from './harness';
import { haveChromium, repo, SAMPLE, shots, type EditorSession } from './harness';
import { words } from '../helpers/isolated';

const OTHER = '001_c45525185d8883c3';
const BROKEN = '002_2a61abe6f966b1e4';
const LANGUAGES = ['en', 'ar'] as const;
const THEMES = ['light', 'dark'] as const;

/** Two annotators' versions in folders, a conflicted sidecar, a broken one, an import file, one annotator's work. */
async function prepare(root: string): Promise<void> {
  const backend = await Backend.open(root);
  const sample = (await backend.openDocument(SAMPLE)).sidecar;
  const other = (await backend.openDocument(OTHER)).sidecar;
  await backend.close();
  const source = await harness.readSource(root, SAMPLE);
  const span = (id: string, needle: string, label: string): Entity => {
    const start = harness.cpOffset(source, needle);
    return { id, start, end: start + [...needle].length, label, text: needle };
  };
  for (const [who, label] of [
    ['ali', 'GPE'],
    ['sara', 'LOC'],
  ] as const) {
    await mkdir(join(root, 'versions', who), { recursive: true });
    const mine: Sidecar = { ...sample, document: { status: 'done' }, entities: [span('t1', 'اليابان', label)] };
    await writeFile(join(root, 'versions', who, `${SAMPLE}.annotations.json`), serializeSidecar(mine));
    const theirs = serializeSidecar({ ...other, document: { status: 'done' } });
    await writeFile(
      join(root, 'versions', who, `${OTHER}.annotations.json`),
      who === 'sara' ? '{"format": "ta' : theirs,
    );
  }
  const japan: Entity = { id: 't1', start: 0, end: 4, label: 'ORG', text: 'أوبك', createdBy: 'Lina' };
  await writeFile(
    join(root, `${OTHER}.annotations.json`),
    serializeSidecar({
      ...other,
      annotator: 'Lina',
      document: { status: 'done' },
      entities: [japan],
      conflicts: [
        { kind: 'entity', id: 't1', reason: 'both-changed', mine: japan, theirs: { ...japan, label: 'GPE' } },
      ],
    }),
  );
  await writeFile(join(root, `${BROKEN}.annotations.json`), '{"format": "tahrir-annotations", "version": 1, "sou');
  const lines = [
    { id: 'missing', text: 'x', spans: [] },
    { text: 'x', spans: [] },
  ];
  await writeFile(join(root, 'versions', 'pre.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

/** The screens: how to open each from the editor, and how to leave it. */
const SCREENS: { name: string; open(page: Page): Promise<void>; close(page: Page): Promise<void> }[] = [
  {
    name: 'progress',
    open: async (page) => {
      await page.locator('[data-testid="open-progress"]').click();
      await page.locator('[data-testid="progress-view"] svg').first().waitFor();
    },
    close: (page) => escape(page, '[data-testid="progress-view"]'),
  },
  {
    name: 'import',
    open: async (page) => {
      await page.locator('[data-testid="open-import"]').click();
      await page.locator('[data-testid="import-format"]').selectOption('jsonl');
      await page.locator('[data-testid="import-source"]').fill('versions/pre.jsonl');
      await page.locator('[data-testid="import-start"]').click();
      await page.locator('[data-testid="import-report"]').waitFor();
    },
    close: (page) => escape(page, '[data-testid="import-dialog"]'),
  },
  {
    name: 'site-templates',
    open: async (page) => {
      await page.locator('[data-testid="open-site-templates"]').click();
      await page.locator('[data-testid="corpus-cleanup"]').waitFor();
    },
    close: (page) => escape(page, '[data-testid="corpus-cleanup"]'),
  },
  {
    name: 'agreement',
    open: async (page) => {
      await page.locator('[data-testid="open-agreement"]').click();
      const input = page.locator('[data-testid="agreement-version-input"]');
      for (const who of ['versions/ali', 'versions/sara']) {
        await input.fill(who);
        await input.press('Enter');
      }
      await page.locator('[data-testid="agreement-measure"]').click();
      await page.locator('[data-testid="agreement-report"]').waitFor({ timeout: 30_000 });
    },
    close: async () => undefined, // curation opens from it
  },
  {
    name: 'curation',
    open: async (page) => {
      await page.locator(`[data-testid="agreement-documents"] button`).first().click();
      await page.locator('[data-testid="curation-queue"]').waitFor();
    },
    close: async () => undefined,
  },
  {
    name: 'conflict-queue',
    open: async (page) => {
      await harness.openDocumentIn(page, OTHER);
      await page.locator('[data-testid="conflict-queue"]').waitFor();
    },
    close: async () => undefined,
  },
];

async function escape(page: Page, dialog: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator(dialog).waitFor({ state: 'detached' });
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

let session: EditorSession;
let axeSource: string;

describe.skipIf(!haveChromium)(
  'axe-core on the progress, import, site-template, agreement, curation and conflict screens',
  () => {
    beforeAll(async () => {
      session = await harness.openEditor({ name: 'axe-more', prepare });
      axeSource = await readFile(join(repo, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    }, 180_000);

    afterAll(async () => {
      await session?.close();
    });

    for (const language of LANGUAGES)
      for (const theme of THEMES)
        it(`${language}, ${theme}: no serious or critical violation; the back end's words in the language`, async () => {
          const context = await session.browser.newContext({
            locale: language,
            colorScheme: theme,
            viewport: { width: 1400, height: 900 },
          });
          const page = await context.newPage();
          try {
            await page.goto(session.server.url);
            await harness.openDocumentIn(page, SAMPLE);
            await page.evaluate(axeSource);
            const found: string[] = [];
            for (const screen of SCREENS) {
              await screen.open(page);
              const violations = (await page.evaluate(async () => {
                const axe = (
                  window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: unknown }> } }
                ).axe;
                return (await axe.run(document, { resultTypes: ['violations'] })).violations;
              })) as Violation[];
              for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))
                found.push(
                  `${screen.name}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes
                    .slice(0, 4)
                    .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
                    .join(' | ')}`,
                );
              await page.screenshot({ path: join(shots, `axe-${language}-${theme}-${screen.name}.png`) });
              if (language === 'ar' && theme === 'light') await arabicWords(page, screen.name);
              await screen.close(page);
            }
            expect(found).toEqual([]);
          } finally {
            await context.close();
          }
        });
  },
);

/** English sentence words that no Arabic screen should show (file names, labels and the parser's words aside). */
const ENGLISH = /\b(is|not|the|no|of|in|could|be|read|does|exist|document|line|naming)\b/;

async function arabicWords(page: Page, screen: string): Promise<void> {
  if (screen === 'import') {
    const reasons = await page.locator('[data-testid="import-report"] li').allTextContents();
    expect(reasons.map((r) => words(r).replace(/^.*versions\//, ''))).toEqual([
      'pre.jsonl:1: لا مستند «missing» في مساحة العمل',
      'pre.jsonl:2: السطر بلا معرّف يسمّي مستنده',
    ]);
  }
  if (screen === 'agreement') {
    const left = await page.locator('[data-testid="agreement-report"] .banner.error').allTextContents();
    expect(left).toHaveLength(1);
    expect(words(left[0])).toMatch(/versions\/sara: .*: ليس JSON صالحًا \(.+\)؛ ربما هو مبتور/);
  }
  if (screen === 'progress') {
    // The annotator chart's number ends inside the chart (it was cut at the end edge).
    const fits = await page.locator('[data-testid="progress-view"] svg').evaluateAll((svgs) =>
      svgs.flatMap((svg) => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('text')]
          .filter((t) => {
            const r = t.getBoundingClientRect();
            return r.left < box.left - 0.5 || r.right > box.right + 0.5;
          })
          .map((t) => `${t.textContent} ${Math.round(t.getBoundingClientRect().right)} > ${Math.round(box.right)}`);
      }),
    );
    expect(fits).toEqual([]);
  }
  if (screen === 'conflict-queue') {
    // The list names the broken sidecar's problem in Arabic.
    const problem = await page.locator(`[data-doc-id="${BROKEN}"] .problem`).textContent();
    expect(words(problem)).toMatch(/: ليس JSON صالحًا \(.+\)؛ ربما هو مبتور$/);
    await page.screenshot({ path: join(shots, 'arabic-broken-sidecar-in-list.png') });
    await page.locator('.tabs [role="tab"][data-tab="cleanup"]').click();
    const headings = page.locator('[data-testid="cleanup-panel"] .suggestion-group .rule-name');
    await expect.poll(() => headings.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    for (const h of await headings.allTextContents()) {
      expect(h).toMatch(/\p{Script=Arabic}{3}/u);
      expect(h).not.toMatch(ENGLISH);
    }
    await page.screenshot({ path: join(shots, 'arabic-cleanup-rule-names.png') });
  }
}
