// electron-builder configuration (`npm run dist`). Everything the app runs is bundled by
// build/bundle.mjs into dist/, so the package holds only those files, the sample workspace
// and package.json: no sources, no tests, no source maps.
'use strict';

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.tahrir.desktop',
  productName: 'Tahrir',
  copyright: 'Copyright © Tahrir contributors',
  directories: { output: 'release', buildResources: 'build/resources' },
  files: [
    'dist/main.cjs',
    'dist/preload.cjs',
    'dist/entity-tagger-worker.cjs',
    'dist/renderer/**/*',
    '!dist/**/*.map',
    'package.json',
  ],
  // The bundled sample workspace, opened when no folder is given (process.resourcesPath/seeds), and the licence of
  // the Arabic word list bundled into the entity tagger (shared/ner/ordinary-words.json, MPL 1.1).
  extraResources: [
    { from: 'seeds', to: 'seeds', filter: ['**/*', '!.tahrir/**'] },
    { from: 'shared/ner/ordinary-words.LICENSE', to: 'licenses/ordinary-words.LICENSE' },
  ],
  asar: true,
  // Electron's security checklist, burnt into the binary (https://www.electronjs.org/docs/latest/tutorial/fuses).
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // We serve the UI from the app:// scheme, so file:// pages need no extra powers.
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    maintainer: 'Tahrir contributors <tahrir@users.noreply.github.com>',
    vendor: 'Tahrir contributors',
    synopsis: 'Annotate news text by hand: quotes, speakers, entities, cleanup',
    description:
      'Tahrir (تحرير) annotates Arabic, English and mixed news articles by hand: quotes with their speakers, named entities and boilerplate cleanup, saved as JSON sidecars, exported as labeled datasets.',
    executableName: 'tahrir',
  },
  deb: { priority: 'optional' },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.productivity', hardenedRuntime: true },
  dmg: {},
};
