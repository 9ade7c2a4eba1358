// The layer table of DESIGN.md is enforced by lint: show that it fails on wrong imports.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layering lint rule', () => {
  it('fails on a node:fs import placed in shared/', async () => {
    const errors = await errorsFor(
      'shared/bad-layer.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    );
    expect(errors.join('\n')).toMatch(/no-restricted-imports: .*Bad layering/);
  });

  it('fails on a bare Node built-in, electron, React or the DOM in shared/', async () => {
    expect(await errorsFor('shared/a.ts', "import * as path from 'path';\nexport const p = path;\n")).not.toEqual([]);
    expect(await errorsFor('shared/b.ts', "import { app } from 'electron';\nexport const a = app;\n")).not.toEqual([]);
    expect(
      await errorsFor('shared/c.ts', "import { useState } from 'react';\nexport const u = useState;\n"),
    ).not.toEqual([]);
    expect(await errorsFor('shared/d.ts', 'export const w = window.innerWidth;\n')).not.toEqual([]);
  });

  it('allows electron only in main.ts, preload.ts, ipc.ts and electron/desktop/', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await errorsFor('electron/main.ts', code)).toEqual([]);
    expect(await errorsFor('electron/desktop/app-menu.ts', code)).toEqual([]);
    expect(
      (
        await errorsFor(
          'electron/desktop/x.ts',
          "import { Backend } from '../../renderer/x';\nexport const b = Backend;\n",
        )
      ).join('\n'),
    ).toMatch(/Bad layering/);
    expect(await errorsFor('electron/preload.ts', code)).toEqual([]);
    expect(await errorsFor('electron/ipc.ts', code)).toEqual([]);
    expect((await errorsFor('electron/workspace.ts', code)).join('\n')).toMatch(/Bad layering/);
  });

  it('keeps the renderer off Node and the back end', async () => {
    expect(
      (
        await errorsFor('renderer/x.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n")
      ).join('\n'),
    ).toMatch(/Bad layering/);
    expect(
      (
        await errorsFor('renderer/y.ts', "import { Backend } from '../electron/backend';\nexport const b = Backend;\n")
      ).join('\n'),
    ).toMatch(/Bad layering/);
  });

  it('catches Node reached without an import statement in shared/: import(), require(), process, Buffer', async () => {
    for (const code of [
      "export const load = () => import('node:fs');\n",
      "export const load = () => import('fs/promises');\n",
      "export const load = () => import('electron');\n",
      "export const fs = require('node:fs');\n",
      'export const env = process.env.HOME;\n',
      "export const bytes = Buffer.from('x');\n",
    ]) {
      expect((await errorsFor('shared/f.ts', code)).join('\n'), code).toMatch(/Bad layering/);
    }
    // A module of our own loaded later stays allowed.
    expect(await errorsFor('shared/g.ts', "export const load = () => import('./model');\n")).toEqual([]);
  });

  it('catches the frame clock (requestAnimationFrame) in shared/: it exists only in a page', async () => {
    expect(
      (await errorsFor('shared/h.ts', 'export const f = () => requestAnimationFrame(() => {});\n')).join('\n'),
    ).toMatch(/Bad layering/);
  });

  it('keeps test-only packages out of the renderer', async () => {
    for (const name of ['vitest', 'fast-check', 'playwright-core', 'jsonld', '@recogito/text-annotator']) {
      const code = `import * as p from '${name}';\nexport const x = p;\n`;
      expect((await errorsFor('renderer/z.ts', code)).join('\n'), name).toMatch(/Bad layering: test-only/);
    }
    expect(await errorsFor('renderer/z.ts', "import { create } from 'zustand';\nexport const c = create;\n")).toEqual(
      [],
    );
  });

  it('lints build/*.mjs too', async () => {
    expect((await errorsFor('build/x.mjs', 'const unused = 1;\n')).join('\n')).toMatch(/no-unused-vars/);
  });

  it('lets shared/ import shared/ and pure packages', async () => {
    expect(
      await errorsFor(
        'shared/e.ts',
        "import * as v from 'valibot';\nimport type { Edit } from './model';\nexport const s = v.string();\nexport type E = Edit;\n",
      ),
    ).toEqual([]);
  });
});

describe('layers inside the renderer: ui → text → session → shared', () => {
  const bad = /no-restricted-imports: .*Bad layering: .* may not import renderer\/(ui|text|session)\//;

  it('fails when the session imports the text surface or the UI', async () => {
    expect(
      (
        await errorsFor(
          'renderer/session/a.ts',
          "import { textSurface } from '../text/text-surface';\nexport const t = textSurface;\n",
        )
      ).join('\n'),
    ).toMatch(bad);
    expect(
      (await errorsFor('renderer/session/b.ts', "import { App } from '../ui/App';\nexport const a = App;\n")).join(
        '\n',
      ),
    ).toMatch(bad);
  });

  it('fails when the text surface imports the UI', async () => {
    expect(
      (
        await errorsFor(
          'renderer/text/c.ts',
          "import { DocumentView } from '../ui/DocumentView';\nexport const d = DocumentView;\n",
        )
      ).join('\n'),
    ).toMatch(bad);
  });

  it('fails when the host connection imports any layer above it, or a layer imports the page entry', async () => {
    expect(
      (
        await errorsFor(
          'renderer/api-http.ts',
          "import { session } from './session/session';\nexport const s = session;\n",
        )
      ).join('\n'),
    ).toMatch(bad);
    expect((await errorsFor('renderer/ui/d.ts', "import '../main';\n")).join('\n')).toMatch(
      /Bad layering: only the page imports its entry scripts/,
    );
  });

  it('lets each layer import the layers to its right', async () => {
    expect(
      await errorsFor(
        'renderer/ui/e.tsx',
        "import { installKeyboard } from '../text/keyboard';\nimport { useTahrir } from '../session/store';\nimport { shownText } from '../../shared/text-view';\nexport const x = [installKeyboard, useTahrir, shownText];\n",
      ),
    ).toEqual([]);
    expect(
      await errorsFor(
        'renderer/text/f.ts',
        "import { session } from '../session/session';\nimport { sortedSpans } from '../../shared/document-data';\nexport const y = [session, sortedSpans];\n",
      ),
    ).toEqual([]);
    expect(
      await errorsFor(
        'renderer/session/g.ts',
        "import type { HttpTarget } from '../api-http';\nimport { sortedSpans } from '../../shared/document-data';\nexport type H = HttpTarget;\nexport const z = sortedSpans;\n",
      ),
    ).toEqual([]);
  });
});

describe('no module-level mutable state in the renderer (it belongs to the EditorSession)', () => {
  const state = /no-restricted-syntax: Module-level mutable state/;

  it('fails on a top-level let or var, exported or not', async () => {
    expect((await errorsFor('renderer/ui/a.ts', 'let n = 0;\nexport const next = () => ++n;\n')).join('\n')).toMatch(
      state,
    );
    expect(
      (await errorsFor('renderer/session/b.ts', 'export let current: string | null = null;\n')).join('\n'),
    ).toMatch(state);
    expect((await errorsFor('renderer/c.tsx', 'var seen = 0;\nexport const f = () => seen++;\n')).join('\n')).toMatch(
      state,
    );
  });

  it('fails on a top-level Map, Set, array or object to fill, and on a static field', async () => {
    expect(
      (
        await errorsFor(
          'renderer/ui/d.ts',
          'const listeners = new Set<() => void>();\nexport const add = (l: () => void) => listeners.add(l);\n',
        )
      ).join('\n'),
    ).toMatch(state);
    expect(
      (await errorsFor('renderer/ui/e.ts', 'export const byId = new Map<string, number>();\n')).join('\n'),
    ).toMatch(state);
    expect(
      (
        await errorsFor('renderer/ui/f.ts', 'const seen = new WeakMap<object, number>();\nexport const s = seen;\n')
      ).join('\n'),
    ).toMatch(state);
    expect(
      (
        await errorsFor(
          'renderer/ui/g.ts',
          'const queue: number[] = [];\nexport const push = (n: number) => queue.push(n);\n',
        )
      ).join('\n'),
    ).toMatch(state);
    expect(
      (
        await errorsFor('renderer/ui/h.ts', 'const cache: Record<string, number> = {};\nexport const c = cache;\n')
      ).join('\n'),
    ).toMatch(state);
    expect(
      (await errorsFor('renderer/ui/i.ts', 'export class Registry {\n  static count = 0;\n}\n')).join('\n'),
    ).toMatch(state);
    const secondStore =
      "import { createStore } from 'zustand/vanilla';\nexport const cleanupStore = createStore<{ n: number }>()(() => ({ n: 0 }));\n";
    expect((await errorsFor('renderer/session/j.ts', secondStore)).join('\n')).toMatch(state);
  });

  it('allows constants, read-only tables, state inside functions and classes, and the session file itself', async () => {
    const ok = [
      "const LIMIT = 50;\nconst NAMES = ['a', 'b'];\nexport const f = () => LIMIT + NAMES.length;\n",
      "const KEYS: ReadonlySet<string> = new Set(['Shift']);\nconst NONE: readonly number[] = [];\nexport const g = () => KEYS.size + NONE.length;\n",
      'export function h(): number {\n  let n = 0;\n  const seen = new Set<number>();\n  seen.add(n++);\n  return n;\n}\n',
      'export class Counter {\n  private n = 0;\n  private readonly seen = new Map<string, number>();\n  static readonly START = 0;\n  next(): number {\n    return ++this.n;\n  }\n}\n',
    ];
    for (const code of ok) expect(await errorsFor('renderer/ui/ok.ts', code)).toEqual([]);
    const session =
      'let current: object | null = null;\nexport const session = () => current;\nexport const start = (s: object) => (current = s);\n';
    expect(await errorsFor('renderer/session/session.ts', session)).toEqual([]);
    expect((await errorsFor('renderer/session/not-the-session.ts', session)).join('\n')).toMatch(state);
  });

  it('holds for the renderer as it is: no file has module-level state', async () => {
    const results = await eslint.lintFiles(['renderer/**/*.{ts,tsx}']);
    const found = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => `${r.filePath}:${m.line} ${m.message}`),
    );
    expect(found).toEqual([]);
  });
});
