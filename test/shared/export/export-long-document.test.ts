// A 1 MB article with 10,000 entities and 500 quotes exports in every format in linear
// time: nothing per span scans the whole text.
import { describe, expect, it } from 'vitest';
import { toExportRecord } from '../../../shared/export/export-record';
import { createExporter } from '../../../shared/export/export-formats';
import { EXPORT_FORMATS } from '../../../shared/api';
import { generateLongArticle } from '../../bench/generate-corpus';
import { cpuMs } from '../../helpers/cpu-time';

describe('a long document', () => {
  const { text, sidecar } = generateLongArticle({ targetBytes: 1024 * 1024, entities: 10_000, quotes: 500 });

  it('maps 10,000 entities and exports every format in seconds', async () => {
    // CPU time: a loaded machine's waits for a core are not the export's cost (quadratic code costs minutes of CPU).
    const started = cpuMs();
    const { record } = toExportRecord('long', text, sidecar);
    const mapped = cpuMs() - started;
    expect(record.spans.length).toBeGreaterThan(9_000);
    const times: Record<string, number> = { mapping: Math.round(mapped) };
    for (const format of EXPORT_FORMATS) {
      const t = cpuMs();
      let bytes = 0;
      const writer = {
        append: (c: string) => void (bytes += c.length),
        writeFile: (_p: string, c: string) => void (bytes += c.length),
      };
      const exporter = createExporter(format);
      await exporter.start(writer);
      await exporter.add(record, writer);
      await exporter.finish(writer);
      times[format] = Math.round(cpuMs() - t);
      expect(bytes).toBeGreaterThan(text.length / 2);
    }
    // Generous bounds for a loaded 2-core machine; quadratic code takes minutes here.
    for (const [what, ms] of Object.entries(times)) expect(ms, `${what}: ${JSON.stringify(times)}`).toBeLessThan(8_000);
  });
});
