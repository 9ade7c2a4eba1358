// The sidecar worker's bodies: the sidecar text's bytes, of which a change encodes about one chunk of spans again.
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../shared/model';
import { emptySidecar } from '../../shared/sidecar';
import { SidecarText, sidecarHeader } from '../../shared/sidecar-text';
import { EncodedParts } from '../../renderer/encoded-parts';

const base = emptySidecar('long.txt', 'ab'.repeat(32), 1_000_000);
const header = sidecarHeader(base, base.document);

function entities(n: number): Entity[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `t${i + 1}`,
    start: i * 10,
    end: i * 10 + 5,
    label: 'PERSON',
    text: 'كلمة',
  }));
}

describe('EncodedParts', () => {
  it("is the sidecar text's bytes, and after a relabel among 50,000 spans encodes about one chunk of them again", async () => {
    const spans = entities(50_000);
    const text = new SidecarText();
    text.reset({ edits: [], entities: spans, quotes: [] });
    const encoded = new EncodedParts();
    expect(await encoded.blob(text.parts(header)).text()).toBe(text.text(header));
    const first = encoded.encodedChars;
    expect(first).toBeGreaterThan(0.9 * text.text(header).length);
    const relabelled: Entity = { ...spans[25_000], label: 'ORG' };
    text.apply('entities', { put: [relabelled], removed: [] });
    expect(await encoded.blob(text.parts(header)).text()).toBe(text.text(header));
    // One chunk of 512 spans' JSON (~30,000 characters here), of the text's 3 million: before, all of them each save.
    expect(encoded.encodedChars - first).toBeLessThan(0.02 * first);
    text.apply('entities', { put: [], removed: ['t1', 't50000'] });
    expect(await encoded.blob(text.parts(header)).text()).toBe(text.text(header));
  });

  it('encodes each part the same whether kept or not, in order, parts repeated included', async () => {
    const long = 'ك'.repeat(2000);
    const encoded = new EncodedParts();
    const parts = ['{', long, ',', long, '}', `${long}x`];
    expect(await encoded.blob(parts).text()).toBe(parts.join(''));
    expect(await encoded.blob(parts.slice(1)).text()).toBe(parts.slice(1).join(''));
    expect(encoded.encodedChars).toBe(long.length + long.length + 1);
  });
});
