// `tahrir serve <folder> [--port N] [--open]`: the editor in a browser. The URL (with its access
// token) is printed alone on stdout so scripts and tests can read it; everything else goes to stderr.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isTahrirError } from '../../shared/errors';
import { openInBrowser } from '../open-in-browser';
import { findRendererDir } from '../renderer-files';
import { startServer } from '../serve';
import { helpOf, usageOf } from './usage';

const USAGE = usageOf('serve');

export async function run(args: string[]): Promise<number> {
  let folder: string | undefined;
  let port = 0;
  let open = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(helpOf('serve'));
      return 0;
    }
    if (arg === '--open' || arg === '--no-open') {
      open = arg === '--open'; // the last one given wins, so a script's --open can be turned off after it
      continue;
    }
    const portText = arg === '--port' ? args[++i] : arg.startsWith('--port=') ? arg.slice('--port='.length) : undefined;
    if (portText !== undefined || arg === '--port') {
      if (portText === undefined || !/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
        process.stderr.write(
          `tahrir serve: --port needs a number from 0 to 65535 (got ${portText ?? 'nothing'})\n${USAGE}\n`,
        );
        return 2;
      }
      port = Number(portText);
    } else if (arg.startsWith('-')) {
      process.stderr.write(`tahrir serve: unknown option ${arg}\n${USAGE}\n`);
      return 2;
    } else if (folder === undefined) {
      folder = arg;
    } else {
      process.stderr.write(`tahrir serve: one folder only (got ${folder} and ${arg})\n${USAGE}\n`);
      return 2;
    }
  }
  if (folder === undefined) {
    process.stderr.write(`tahrir serve: which folder?\n${USAGE}\n`);
    return 2;
  }
  const rendererDir = findRendererDir();
  if (!existsSync(join(rendererDir, 'index.html'))) {
    process.stderr.write(
      `tahrir serve: the UI is not built (${rendererDir} has no index.html): run \`npm run build\`\n`,
    );
  }

  let server;
  try {
    server = await startServer({ root: folder, port, rendererDir });
  } catch (error) {
    process.stderr.write(`tahrir serve: ${isTahrirError(error) ? error.message : String(error)}\n`);
    return 1;
  }
  const running = server;
  // Listening for Ctrl+C before the URL is out: whoever reads it may stop us at once, and a signal
  // with no handler yet would kill the process instead of closing the server.
  const stopped = new Promise<number>((done) => {
    // Ctrl+C signals the terminal's whole foreground group, and a parent that passes signals on
    // (npm) sends another, at any moment: the handlers stay while closing, and once closed the
    // process exits at once, since Node restores the default (fatal) action while it winds down.
    let closing = false;
    const stop = () => {
      if (closing) return;
      closing = true;
      running.close().then(
        () => process.exit(0),
        () => done(1),
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    process.on('SIGHUP', stop); // the terminal was closed
  });
  process.stdout.write(`${server.url}\n`);
  process.stderr.write(`tahrir serve: serving ${server.root} — open the URL above; Ctrl+C stops\n`);
  if (open) openInBrowser(server.url, (line) => process.stderr.write(`tahrir serve: ${line}\n`));
  return stopped;
}
