// Runs the real `tahrir serve` as its own process (the CLI bundled with esbuild into a temp
// folder, so it never touches dist/), for tests that kill it.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleOptions } from '../../build/bundle.mjs';
import { API_PREFIX, TOKEN_HEADER } from '../../shared/http-protocol';
import { REPO } from './workspace-snapshot';

export async function bundleCli(outDir: string): Promise<string> {
  await build(bundleOptions(outDir).cli);
  return join(outDir, 'cli.cjs');
}

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  port: number;
  token: string;
  call<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
}

/** Starts `tahrir serve <root>` and resolves once it printed its URL. */
export function startServeProcess(cli: string, root: string): Promise<ServeProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'serve', root], { stdio: ['ignore', 'pipe', 'pipe'], cwd: REPO });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`tahrir serve did not start: ${err}`)), 60_000);
    child.stderr!.on('data', (d) => (err += String(d)));
    child.on('exit', (code) => reject(new Error(`tahrir serve exited (${code}): ${err}`)));
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /^(http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+))$/m.exec(out);
      if (!m) return;
      clearTimeout(timer);
      const [, url, port, token] = m;
      const call = async <T>(method: string, ...args: unknown[]): Promise<T> => {
        const res = await fetch(`http://127.0.0.1:${port}${API_PREFIX}${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify({ args }),
        });
        const body = (await res.json()) as { result?: T; error?: { code: string; message: string } };
        if (body.error) throw Object.assign(new Error(body.error.message), { code: body.error.code });
        return body.result as T;
      };
      resolve({ child, url, port: Number(port), token, call });
    });
  });
}

/** SIGKILL, and wait until the process is gone. */
export function killHard(p: ServeProcess): Promise<void> {
  return new Promise((resolve) => {
    if (p.child.exitCode !== null || p.child.signalCode !== null) return resolve();
    p.child.removeAllListeners('exit');
    p.child.once('exit', () => resolve());
    p.child.kill('SIGKILL');
  });
}
