// axe-core on every main screen (the editor with a document open, the cleanup panel, the export
// dialog, the shortcut sheet, search), in each interface language and theme: no serious or
// critical violation. The languages and themes are listed once, below (a language is the browser's
// locale, as the system would choose it). `tahrir serve` on a temp copy of seeds/, Debian's Chromium.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as harness from './harness';
import { haveChromium, repo, SAMPLE, shots, type EditorSession } from './harness';

/** Every interface language and theme the screens are checked in. */
const LANGUAGES = ['en', 'ar'] as const;
const THEMES = ['light', 'dark'] as const;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** The main screens: how to open each from the editor with the sample open, and how to leave it. */
const SCREENS: { name: string; open(page: Page): Promise<void>; close(page: Page): Promise<void> }[] = [
  {
    name: 'editor',
    open: async (page) => {
      // A tagged entity and a quote, selected, so the inspector and both lists show.
      await harness.drag(page, await harness.pointIn(page, 'جو بايدن', 0), await harness.pointIn(page, 'جو بايدن', 6));
      await page.keyboard.press('1');
      await page.waitForSelector('.span-item');
    },
    close: async () => undefined,
  },
  {
    name: 'cleanup',
    open: async (page) => {
      await page.locator('[role="tab"][data-tab="cleanup"]').click();
      await page.waitForSelector('.tab-body [aria-busy="true"]', { state: 'detached' }).catch(() => undefined);
    },
    close: async (page) => {
      await page.locator('[role="tab"][data-tab="entities"]').click();
    },
  },
  {
    name: 'export',
    open: async (page) => {
      await page.locator('[data-testid="open-export"]').click();
      await page.waitForSelector('.dialog');
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await page.waitForSelector('.dialog', { state: 'detached' });
    },
  },
  {
    name: 'shortcuts',
    open: async (page) => {
      await page.locator('[data-testid="open-shortcuts"]').click();
      await page.waitForSelector('.shortcut-sheet');
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await page.waitForSelector('.shortcut-sheet', { state: 'detached' });
    },
  },
  {
    name: 'search',
    open: async (page) => {
      await page.locator('[data-testid="document-text"]').focus();
      await page.keyboard.press('Control+f');
      await page.waitForSelector('#search-input');
      await page.keyboard.type('بايدن');
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
    },
  },
];

let session: EditorSession;
let axeSource: string;

describe.skipIf(!haveChromium)('axe-core on the main screens (tahrir serve, Chromium)', () => {
  beforeAll(async () => {
    session = await harness.openEditor({ name: 'axe' });
    axeSource = await readFile(join(repo, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  for (const language of LANGUAGES)
    for (const theme of THEMES)
      it(`${language}, ${theme}: no serious or critical violation on any main screen`, async () => {
        const context = await session.browser.newContext({
          locale: language,
          colorScheme: theme,
          viewport: { width: 1400, height: 900 },
        });
        const page = await context.newPage();
        try {
          await page.goto(session.server.url);
          await harness.openDocumentIn(page, SAMPLE);
          // Injected through the debugger, as the page's CSP (script-src 'self') rightly refuses a script of ours.
          await page.evaluate(axeSource);
          const found: string[] = [];
          for (const screen of SCREENS) {
            await screen.open(page);
            expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
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
            await screen.close(page);
          }
          expect(found).toEqual([]);
        } finally {
          // Leave the sample as it was for the next language and theme.
          await page.keyboard.press('Escape');
          while (await page.locator('[data-testid="undo"]').isEnabled()) await page.keyboard.press('Control+z');
          await harness.waitSaved(page);
          await context.close();
        }
      });
});
