import { describe, expect, it } from 'vitest';
import { corpusProgress } from '../../shared/corpus-progress';
import type { Sidecar } from '../../shared/model';
import {
  annotatorsChart,
  entitiesChart,
  ENGLISH_CHART_WORDS,
  statusOverTimeChart,
  svgMarkup,
} from '../../shared/progress-charts';
import { emptySidecar } from '../../shared/sidecar';

function sidecar(
  status: Sidecar['document']['status'],
  updatedAt: string | undefined,
  labels: string[],
  by?: string,
): Sidecar {
  const s = emptySidecar('a.txt', '0'.repeat(64), 10);
  s.document.status = status;
  if (updatedAt) s.updatedAt = updatedAt;
  s.entities = labels.map((label, i) => ({
    id: `t${i}`,
    start: 0,
    end: 1,
    label,
    text: 'a',
    ...(by ? { createdBy: by, changedBy: by } : {}),
  }));
  return s;
}

describe('corpusProgress', () => {
  const p = corpusProgress(
    [
      null,
      sidecar('done', '2026-11-28T10:00:00Z', ['GPE', 'GPE', 'PERSON'], 'mona'),
      sidecar('in_progress', '2026-11-30T23:59:59Z', ['XLABEL'], 'ali'),
      sidecar('done', '2026-11-30T08:00:00Z', [], undefined),
      { ...sidecar('todo', undefined, ['GPE'], 'mona'), annotator: 'x' },
    ],
    ['PERSON', 'ORG', 'GPE'],
  );

  it('counts documents per status over the days of last saving, to do before them', () => {
    expect(p.documents).toBe(5);
    expect(p.byStatus).toEqual({ todo: 2, in_progress: 1, done: 2 });
    expect(p.overTime).toEqual([
      { day: '2026-11-28', todo: 4, in_progress: 0, done: 1 },
      { day: '2026-11-30', todo: 2, in_progress: 1, done: 2 },
    ]);
  });

  it('counts entities per label (the workspace’s first, in order) and documents per annotator', () => {
    expect(p.entitiesByLabel).toEqual([
      { label: 'PERSON', entities: 1 },
      { label: 'ORG', entities: 0 },
      { label: 'GPE', entities: 3 },
      { label: 'XLABEL', entities: 1 },
    ]);
    expect(p.byAnnotator).toEqual([
      { annotator: 'mona', documents: 2, done: 1 },
      { annotator: 'ali', documents: 1, done: 0 },
    ]);
  });

  it('draws the charts as SVG with the numbers in titles and labels, every text escaped', () => {
    const status = svgMarkup(statusOverTimeChart(p));
    expect(status).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 560 /);
    expect(status).toContain('aria-label="Documents per status over time: 2 done, 1 in progress, 2 to do"');
    expect(status).toContain('<title>2026-11-30: 2 done</title>');
    expect(svgMarkup(entitiesChart(p, { GPE: '#a8dba8' }))).toContain('fill="#a8dba8"');
    const odd = corpusProgress([sidecar('done', '2026-01-01T00:00:00Z', ['GPE'], '<b>&"</b>')]);
    expect(svgMarkup(annotatorsChart(odd))).toContain('&lt;b&gt;&amp;&quot;&lt;/b&gt;');
    expect(svgMarkup(annotatorsChart(odd))).not.toContain('<b>');
  });

  it('draws the charts in the words it is given (the editor passes its language’s)', () => {
    const p = corpusProgress([]);
    const words = {
      status: { todo: 'للإنجاز', in_progress: 'قيد العمل', done: 'منجز' },
      statusOverTime: 'المستندات حسب الحالة عبر الزمن',
      entitiesPerLabel: 'الكيانات حسب الوسم',
      documentsPerAnnotator: 'المستندات حسب المُوسِّم',
      noneYet: 'لا شيء بعد',
      separator: '، ',
    };
    const drawn = [statusOverTimeChart(p, words), entitiesChart(p, {}, words), annotatorsChart(p, words)].map(
      svgMarkup,
    );
    expect(drawn.join('')).toContain('منجز');
    expect(drawn.join('')).toContain('لا شيء بعد');
    for (const english of [...Object.values(ENGLISH_CHART_WORDS.status), ENGLISH_CHART_WORDS.noneYet])
      expect(drawn.join(''), english).not.toContain(`>${english}`);
  });

  it('leaves room after the longest annotator bar for its number (it was cut at the chart’s end edge)', () => {
    const many = corpusProgress(
      Array.from({ length: 123 }, (_, i) => sidecar(i < 45 ? 'done' : 'in_progress', undefined, ['GPE'], 'فاطمة')),
    );
    for (const done of [ENGLISH_CHART_WORDS.status.done, 'مُنجَزة']) {
      const words = { ...ENGLISH_CHART_WORDS, status: { ...ENGLISH_CHART_WORDS.status, done } };
      const svg = svgMarkup(annotatorsChart(many, words));
      const width = Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
      const label = `123 (45 ${done})`;
      const x = Number(new RegExp(`<text x="([\\d.]+)"[^>]*>${label.replace(/[()]/g, '\\$&')}</text>`).exec(svg)![1]);
      // 0.6 em a character: wider than a 12 px sans-serif draws these digits and words.
      expect(x + Array.from(label).length * 12 * 0.6, label).toBeLessThanOrEqual(width);
    }
  });
});
