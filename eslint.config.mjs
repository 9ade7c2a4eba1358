// Lint, and the layer table of DESIGN.md as a rule (like VS Code's code-layering):
// shared/ is pure; only main.ts, preload.ts, ipc.ts and electron/desktop/ may touch Electron;
// the renderer reaches the disk only through the bridge.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises',
  'http', 'https', 'net', 'os', 'path', 'process', 'readline', 'stream', 'string_decoder', 'tls', 'url',
  'util', 'v8', 'vm', 'worker_threads', 'zlib',
];
const node = { group: ['node:*', ...NODE_BUILTINS], message: 'Bad layering: Node built-ins are not allowed here (see DESIGN.md, Layers).' };
const electron = { group: ['electron', 'electron/*'], message: 'Bad layering: only electron/main.ts, preload.ts, ipc.ts and electron/desktop/ may import electron.' };
const fromElectronDir = { group: ['**/electron/**', '../electron', '../../electron'], message: 'Bad layering: this layer may not import from electron/.' };
const fromRenderer = { group: ['**/renderer/**', '../renderer', '../../renderer'], message: 'Bad layering: this layer may not import from renderer/.' };
const uiLibs = { group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'], message: 'Bad layering: shared/ is pure (no UI libraries).' };
const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'HTMLElement', 'Node', 'Range', 'Highlight', 'CSS', 'fetch', 'location', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback'];
const NODE_GLOBALS = ['process', 'Buffer', 'global', '__dirname', '__filename', 'require', 'module', 'setImmediate'];
/** A Node built-in or electron by name, for import('…') and require('…'), which no-restricted-imports does not see. */
const NODE_OR_ELECTRON = `/^(node:|electron($|\\/)|(${NODE_BUILTINS.join('|').replace(/\//g, '\\/')})($|\\/))/`;
const dynamicNodeImports = [
  { selector: `ImportExpression[source.value=${NODE_OR_ELECTRON}]`, message: 'Bad layering: shared/ is pure (no Node built-ins or electron, not even through import()).' },
  { selector: `CallExpression[callee.name='require'][arguments.0.value=${NODE_OR_ELECTRON}]`, message: 'Bad layering: shared/ is pure (no Node built-ins or electron, not even through require()).' },
];
/** Packages only tests and benchmarks use: never bundled into the page. */
const testOnly = {
  group: ['vitest', 'vitest/*', 'fast-check', 'playwright-core', 'playwright-core/*', 'jsonld', 'jsonld/*', '@recogito/*'],
  message: 'Bad layering: test-only packages are not for the renderer (they would be bundled into the page).',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'bench-results/', 'test/fixtures/', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [node, electron, fromElectronDir, fromRenderer, uiLibs] }],
      'no-restricted-globals': [
        'error',
        ...DOM_GLOBALS.map((name) => ({ name, message: 'Bad layering: shared/ may not use the DOM.' })),
        ...NODE_GLOBALS.map((name) => ({ name, message: 'Bad layering: shared/ may not use Node globals.' })),
      ],
      'no-restricted-syntax': ['error', ...dynamicNodeImports],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/desktop/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron, fromRenderer] }] },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/desktop/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [fromRenderer] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [node, electron, fromElectronDir, testOnly] }] },
  },
);
