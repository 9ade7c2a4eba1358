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
    const errors = await errorsFor('shared/bad-layer.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
    expect(errors.join('\n')).toMatch(/no-restricted-imports: .*Bad layering/);
  });

  it('fails on a bare Node built-in, electron, React or the DOM in shared/', async () => {
    expect(await errorsFor('shared/a.ts', "import * as path from 'path';\nexport const p = path;\n")).not.toEqual([]);
    expect(await errorsFor('shared/b.ts', "import { app } from 'electron';\nexport const a = app;\n")).not.toEqual([]);
    expect(await errorsFor('shared/c.ts', "import { useState } from 'react';\nexport const u = useState;\n")).not.toEqual([]);
    expect(await errorsFor('shared/d.ts', 'export const w = window.innerWidth;\n')).not.toEqual([]);
  });

  it('allows electron only in main.ts, preload.ts, ipc.ts and electron/desktop/', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await errorsFor('electron/main.ts', code)).toEqual([]);
    expect(await errorsFor('electron/desktop/app-menu.ts', code)).toEqual([]);
    expect((await errorsFor('electron/desktop/x.ts', "import { Backend } from '../../renderer/x';\nexport const b = Backend;\n")).join('\n')).toMatch(/Bad layering/);
    expect(await errorsFor('electron/preload.ts', code)).toEqual([]);
    expect(await errorsFor('electron/ipc.ts', code)).toEqual([]);
    expect((await errorsFor('electron/workspace.ts', code)).join('\n')).toMatch(/Bad layering/);
  });

  it('keeps the renderer off Node and the back end', async () => {
    expect((await errorsFor('renderer/x.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n")).join('\n')).toMatch(/Bad layering/);
    expect((await errorsFor('renderer/y.ts', "import { Backend } from '../electron/backend';\nexport const b = Backend;\n")).join('\n')).toMatch(/Bad layering/);
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
    expect((await errorsFor('shared/h.ts', 'export const f = () => requestAnimationFrame(() => {});\n')).join('\n')).toMatch(/Bad layering/);
  });

  it('keeps test-only packages out of the renderer', async () => {
    for (const name of ['vitest', 'fast-check', 'playwright-core', 'jsonld', '@recogito/text-annotator']) {
      const code = `import * as p from '${name}';\nexport const x = p;\n`;
      expect((await errorsFor('renderer/z.ts', code)).join('\n'), name).toMatch(/Bad layering: test-only/);
    }
    expect(await errorsFor('renderer/z.ts', "import { create } from 'zustand';\nexport const c = create;\n")).toEqual([]);
  });

  it('lints build/*.mjs too', async () => {
    expect((await errorsFor('build/x.mjs', 'const unused = 1;\n')).join('\n')).toMatch(/no-unused-vars/);
  });

  it('lets shared/ import shared/ and pure packages', async () => {
    expect(await errorsFor('shared/e.ts', "import * as v from 'valibot';\nimport type { Edit } from './model';\nexport const s = v.string();\nexport type E = Edit;\n")).toEqual([]);
  });
});
