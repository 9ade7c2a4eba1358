// Lint, and the layer table of DESIGN.md as a rule (like VS Code's code-layering):
// shared/ is pure; only main.ts, preload.ts, ipc.ts and electron/desktop/ may touch Electron;
// the renderer reaches the disk only through the bridge. Inside the renderer, as VS Code's
// common/browser/electron-main: ui/ (React components) → text/ (the imperative text surface)
// → session/ (the editor session and its store) → shared/; each imports only from its right.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'readline',
  'stream',
  'string_decoder',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];
const node = {
  group: ['node:*', ...NODE_BUILTINS],
  message: 'Bad layering: Node built-ins are not allowed here (see DESIGN.md, Layers).',
};
const electron = {
  group: ['electron', 'electron/*'],
  message: 'Bad layering: only electron/main.ts, preload.ts, ipc.ts and electron/desktop/ may import electron.',
};
const fromElectronDir = {
  group: ['**/electron/**', '../electron', '../../electron'],
  message: 'Bad layering: this layer may not import from electron/.',
};
const fromRenderer = {
  group: ['**/renderer/**', '../renderer', '../../renderer'],
  message: 'Bad layering: this layer may not import from renderer/.',
};
const uiLibs = {
  group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'],
  message: 'Bad layering: shared/ is pure (no UI libraries).',
};
// The renderer's state lives in its EditorSession (one per open workspace); a module-level `let`,
// or a module-level Map, Set, array or object to fill, would be state every session shares.
// Constant tables typed read-only (ReadonlySet, ReadonlyMap, `readonly T[]`) are not state.
const SESSION_FILE = 'renderer/session/session.ts';
const sessionState = (what) => `Module-level mutable state (${what}): keep it in the EditorSession (${SESSION_FILE}).`;
const top = ':matches(Program > VariableDeclaration, Program > ExportNamedDeclaration > VariableDeclaration)';
const declarator =
  "VariableDeclarator:not([id.typeAnnotation.typeAnnotation.typeName.name=/^Readonly(Set|Map)$/]):not([id.typeAnnotation.typeAnnotation.operator='readonly'])";
const collection = 'NewExpression[callee.name=/^(Map|Set|WeakMap|WeakSet|Array)$/]';
const makeStore = 'CallExpression[callee.name=/^create(Store)?$/]';
const moduleState = [
  { selector: `${top}[kind!='const']`, message: sessionState('a top-level let or var') },
  { selector: `${top} > ${declarator} > ${collection}.init`, message: sessionState('a top-level Map, Set or array') },
  {
    selector: `${top} > ${declarator} > ArrayExpression.init[elements.length=0]`,
    message: sessionState('a top-level empty array to fill'),
  },
  {
    selector: `${top} > VariableDeclarator > ObjectExpression.init[properties.length=0]`,
    message: sessionState('a top-level empty object to fill'),
  },
  {
    selector: `${top} > VariableDeclarator > ${makeStore}.init, ${top} > VariableDeclarator > CallExpression.init > ${makeStore}.callee`,
    message: sessionState('a store of its own'),
  },
  { selector: 'PropertyDefinition[static=true][readonly!=true]', message: sessionState('a static class field') },
];
const layerRule = (from, to) => `Bad layering: ${from} may not import renderer/${to}/ (ui → text → session → shared).`;
const textFrom = (layer) => ({ group: ['**/text/*', '../text', './text/*'], message: layerRule(layer, 'text') });
const uiFrom = (layer) => ({ group: ['**/ui/*', '../ui', './ui/*'], message: layerRule(layer, 'ui') });
const sessionFrom = (layer) => ({
  group: ['**/session/*', '../session', './session/*'],
  message: layerRule(layer, 'session'),
});
/** The page's own entries (main.tsx, early-start.ts) put the layers together; no layer imports them. */
const entries = {
  group: ['**/main', '**/main.tsx', '**/early-start'],
  message: 'Bad layering: only the page imports its entry scripts.',
};
/** A layer inside the renderer: no Node, electron, test-only packages, page entries, or the layers above it. */
const rendererLayer = (files, ...above) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [node, electron, fromElectronDir, testOnly, entries, ...above] }],
  },
});
const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'HTMLElement',
  'Node',
  'Range',
  'Highlight',
  'CSS',
  'fetch',
  'location',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
];
const NODE_GLOBALS = ['process', 'Buffer', 'global', '__dirname', '__filename', 'require', 'module', 'setImmediate'];
/** A Node built-in or electron by name, for import('…') and require('…'), which no-restricted-imports does not see. */
const NODE_OR_ELECTRON = `/^(node:|electron($|\\/)|(${NODE_BUILTINS.join('|').replace(/\//g, '\\/')})($|\\/))/`;
const dynamicNodeImports = [
  {
    selector: `ImportExpression[source.value=${NODE_OR_ELECTRON}]`,
    message: 'Bad layering: shared/ is pure (no Node built-ins or electron, not even through import()).',
  },
  {
    selector: `CallExpression[callee.name='require'][arguments.0.value=${NODE_OR_ELECTRON}]`,
    message: 'Bad layering: shared/ is pure (no Node built-ins or electron, not even through require()).',
  },
];
/** Packages only tests and benchmarks use: never bundled into the page. */
const testOnly = {
  group: [
    'vitest',
    'vitest/*',
    'fast-check',
    'playwright-core',
    'playwright-core/*',
    'jsonld',
    'jsonld/*',
    '@recogito/*',
  ],
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
  rendererLayer(['renderer/ui/**/*.{ts,tsx}']),
  rendererLayer(['renderer/text/**/*.{ts,tsx}'], uiFrom('renderer/text/')),
  rendererLayer(['renderer/session/**/*.{ts,tsx}'], uiFrom('renderer/session/'), textFrom('renderer/session/')),
  // The connection to the host (the bridge, serve's HTTP client, the sidecar worker) sits under the session.
  rendererLayer(
    ['renderer/bridge.ts', 'renderer/api-http.ts', 'renderer/sidecar-messages.ts', 'renderer/sidecar-worker.ts'],
    uiFrom('the host connection'),
    textFrom('the host connection'),
    sessionFrom('the host connection'),
  ),
  {
    // The session file holds the one current session; early-start.ts and sidecar-worker.ts are
    // programs of their own (the page's first script, the worker), run once, outside any session.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: [SESSION_FILE, 'renderer/early-start.ts', 'renderer/sidecar-worker.ts'],
    rules: { 'no-restricted-syntax': ['error', ...moduleState] },
  },
);
