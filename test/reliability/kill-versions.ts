// The distinct sidecar versions the kill test's child process saves: version (run, n) is
// rebuilt from its two numbers, so the test can check the file on disk byte for byte.
import type { Sidecar } from '../../shared/model';
import { serializeSidecar } from '../../shared/sidecar';

export function killTestVersion(run: number, n: number): Sidecar {
  // Sizes vary (20–600 entities, ~2–70 KB) so a torn write could not pass for a whole one.
  const count = 20 + ((run * 7919 + n * 104729) % 580);
  const entities = Array.from({ length: count }, (_, i) => ({
    id: `t${i + 1}`,
    start: i * 3,
    end: i * 3 + 2,
    label: i % 2 ? 'PERSON' : 'GPE',
    text: i % 3 ? 'عمّ' : '👍🏽',
  }));
  return {
    format: 'tahrir-annotations',
    version: 1,
    source: { file: 'article.txt', sha256: 'ab'.repeat(32), length: count * 3 },
    document: { status: 'in_progress', note: `run ${run} version ${n}` },
    edits: [],
    entities,
    quotes: [],
  };
}

export function killTestBytes(run: number, n: number): string {
  return serializeSidecar(killTestVersion(run, n));
}
