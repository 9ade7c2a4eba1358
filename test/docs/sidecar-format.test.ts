// The sidecar format ships with the code as docs/SIDECAR-FORMAT.md. This keeps the document in
// step with the schema the app reads and writes: a field added to shared/sidecar.ts without a
// word in the document fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SidecarSchema } from '../../shared/sidecar';

const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'SIDECAR-FORMAT.md'), 'utf8');

type Shape = { entries?: Record<string, Shape>; item?: Shape; wrapped?: Shape };

/** Every field name of a valibot object schema, nested objects and list items included. */
function fieldNames(schema: Shape, path = ''): string[] {
  const inner = schema.wrapped ?? schema;
  if (inner.item) return fieldNames(inner.item, path);
  if (!inner.entries) return [];
  return Object.entries(inner.entries).flatMap(([key, child]) => [
    `${path}${key}`,
    ...fieldNames(child, `${path}${key}.`),
  ]);
}

describe('docs/SIDECAR-FORMAT.md', () => {
  const fields = fieldNames(SidecarSchema as unknown as Shape);

  it('reads the schema (the walk finds the nested fields)', () => {
    expect(fields).toContain('source.sha256');
    expect(fields).toContain('entities.label');
    expect(fields).toContain('quotes.speakerName');
  });

  it.each(fields)('names the field %s', (field) => {
    const name = field.split('.').at(-1) as string;
    expect(doc, `docs/SIDECAR-FORMAT.md does not mention "${name}" (${field})`).toMatch(
      new RegExp(`"${name}"|\`${name}\``),
    );
  });

  it('says where offsets live: source coordinates in sidecars, clean text in exports', () => {
    expect(doc).toMatch(/Every `start`\/`end` in the sidecar is in \*\*source\*\* coordinates/);
    expect(doc).toMatch(/Exports use clean text and\s+clean-text offsets/);
  });
});
