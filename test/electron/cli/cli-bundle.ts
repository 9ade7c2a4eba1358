// Builds the `tahrir` command into a private temp folder (never the shared dist/) and runs it
// as a user would: a real process, real folders, exit code and output.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleOptions } from '../../../build/bundle.mjs';
import { afterAll, beforeAll } from 'vitest';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Registers the build for this test file; returns a function that runs `tahrir <args>` (with `nodeArgs` before the
 * script: a `-r` preload that watches the process).
 */
export function useCliBundle(): (args: string[], cwd?: string, nodeArgs?: string[]) => Promise<CliResult> {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tahrir-cli-'));
    await build(bundleOptions(dir).cli);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return (args, cwd, nodeArgs = []) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [...nodeArgs, join(dir, 'cli.cjs'), ...args], {
        cwd,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
}
