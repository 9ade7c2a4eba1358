#!/usr/bin/env node
// The `tahrir` command: runs the bundled CLI (dist/cli.cjs), building it first on a fresh clone.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');

const cli = join(__dirname, '..', 'dist', 'cli.cjs');
if (!existsSync(cli)) {
  process.stderr.write('tahrir: first run, building dist/ (npm run build)…\n');
  execFileSync(process.execPath, [join(__dirname, '..', 'build', 'bundle.mjs')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
require(cli);
