// Only the newest three Electron majors get security fixes. This pins the floor to the newest
// major at the time of the last upgrade (45, December 2026); raise it with each upgrade.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const NEWEST_KNOWN_MAJOR = 45;

describe('Electron', () => {
  it(`is a supported major (≥ ${NEWEST_KNOWN_MAJOR}): in package.json and as installed`, () => {
    const pkg = require('../../package.json') as { devDependencies: Record<string, string> };
    const declared = Number(/\d+/.exec(pkg.devDependencies.electron)?.[0]);
    const installed = Number((require('electron/package.json') as { version: string }).version.split('.')[0]);
    expect(declared).toBeGreaterThanOrEqual(NEWEST_KNOWN_MAJOR);
    expect(installed).toBe(declared);
  });

  it('says next to the pin why its engines field (Node 22) does not bind this Node 20 build', () => {
    const pkg = require('../../package.json') as Record<string, string>;
    expect(pkg['//electron']).toMatch(/engines/);
    expect(pkg['//electron']).toMatch(/security fixes/);
  });
});
