// `npm start`: build, then run the desktop app on seeds/ (or the folder given after `--`).
// Where Electron's binary is missing, say so in one line and point to `tahrir serve`.
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const folder = process.argv[2] ?? join(root, 'seeds');

let electronBinary = null;
try {
  electronBinary = require('electron'); // the package exports the binary's path, or throws when it is missing
} catch {
  electronBinary = null;
}
if (!electronBinary) {
  console.error(
    `tahrir: Electron's binary is not installed (no network to fetch it: run \`node node_modules/electron/install.js\` where github.com is reachable); ` +
      `run the same editor in your browser instead: npx tahrir serve ${process.argv[2] ?? 'seeds'}`,
  );
  process.exit(1);
}
execFileSync(process.execPath, [join(root, 'build', 'bundle.mjs')], { stdio: 'inherit' });
const child = spawn(electronBinary, [root, folder], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
