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

  it('lets shared/ import shared/ and pure packages', async () => {
    expect(await errorsFor('shared/e.ts', "import * as v from 'valibot';\nimport type { Edit } from './model';\nexport const s = v.string();\nexport type E = Edit;\n")).toEqual([]);
  });
});
