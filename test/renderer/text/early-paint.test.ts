// The early paint's text (renderer/text/early-paint.ts): the shown text of the source's start, which must be the start
// of the whole document's shown text (edits applied), or nothing when an edit crosses where it cuts.
import { describe, expect, it } from 'vitest';
import { firstScreenText } from '../../../renderer/text/early-paint';
import { codePointLength } from '../../../shared/code-points';
import type { Edit } from '../../../shared/model';
import { shownText } from '../../../shared/text-view';
import { generateLongArticle } from '../../bench/generate-corpus';

const edit = (id: string, start: number, end: number, text: string, replacement = ''): Edit => ({
  id,
  start,
  end,
  text,
  replacement,
  kind: 'boilerplate',
});

describe('the early paint’s first screen of text', () => {
  const doc = generateLongArticle({ targetBytes: 60_000, entities: 300, quotes: 10, edits: 0 });
  const source = doc.text;
  const whole = (edits: Edit[]) => shownText(source, Object.fromEntries(edits.map((e) => [e.id, e])), 'clean');

  it('is the start of the whole shown text, paragraph for paragraph, with the edits in it applied', () => {
    // An edit in the first screen (a line removed) and one far below it.
    const firstLine = source.slice(0, source.indexOf('\n') + 1);
    const far = codePointLength(source) - 20;
    const edits = [
      edit('e1', 0, codePointLength(firstLine), firstLine),
      edit(
        'e2',
        far,
        far + 5,
        Array.from(source)
          .slice(far, far + 5)
          .join(''),
      ),
    ];
    const screen = firstScreenText(source, edits)!;
    const all = whole(edits);
    expect(screen.shown.paragraphs.length).toBeGreaterThan(5);
    expect(screen.shown.paragraphs[0].text).not.toBe(firstLine.trimEnd());
    for (const p of screen.shown.paragraphs.slice(0, -1)) {
      expect(p.text).toBe(all.paragraphs[p.index].text);
      expect(p.start).toBe(all.paragraphs[p.index].start);
    }
    expect(screen.codePoints).toBe(codePointLength(source.slice(0, screen.units)));
    expect(source[screen.units]).toBe('\n');
  });

  it('is nothing when an edit crosses its cut (the app paints that document alone)', () => {
    const screen = firstScreenText(source, [])!;
    const crossing = edit('e1', screen.codePoints - 3, screen.codePoints + 3, 'xxxxxx');
    expect(firstScreenText(source, [crossing])).toBeNull();
  });
});
