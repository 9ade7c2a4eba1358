// Each layer is type-checked with only the types of where it runs (tsconfig.shared.json,
// tsconfig.electron.json, tsconfig.renderer.json): show that each refuses what is not there.
import { describe, expect, it } from 'vitest';
import { typeErrors } from './type-errors';

const DOM = 'export const title = document.title;\nexport const f = () => requestAnimationFrame(() => {});\n';
const NODE = "export const pid = process.pid;\nexport const b = Buffer.from('x');\n";
/** What every runtime has: the language, and URL (shared/runtime.d.ts). */
const COMMON =
  "export const web = new URL('https://example.org/a').protocol === 'https:';\nexport const n = [1, 2].findLast((x) => x > 1);\n";

describe('types that say where code runs', () => {
  it('shared/ has neither the DOM nor Node, only what both have', () => {
    const errors = typeErrors('tsconfig.shared.json', {
      'shared/dom.ts': DOM,
      'shared/node.ts': NODE,
      'shared/common.ts': COMMON,
    });
    expect(errors['dom.ts'].join('\n')).toMatch(
      /Cannot find name 'document'[\s\S]*Cannot find name 'requestAnimationFrame'/,
    );
    expect(errors['node.ts'].join('\n')).toMatch(/Cannot find name 'process'[\s\S]*Cannot find name 'Buffer'/);
    expect(errors['common.ts']).toEqual([]);
  });

  it('electron/ has Node and not the DOM', () => {
    const errors = typeErrors('tsconfig.electron.json', { 'electron/dom.ts': DOM, 'electron/node.ts': NODE });
    expect(errors['dom.ts'].join('\n')).toMatch(/Cannot find name 'document'/);
    expect(errors['node.ts']).toEqual([]);
  });

  it('renderer/ has the DOM and not Node', () => {
    const errors = typeErrors('tsconfig.renderer.json', { 'renderer/dom.ts': DOM, 'renderer/node.ts': NODE });
    expect(errors['dom.ts']).toEqual([]);
    expect(errors['node.ts'].join('\n')).toMatch(/Cannot find name 'process'/);
  });
});
