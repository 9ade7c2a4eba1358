// An unlabeled list of other stories' headlines closing the document: three or more short
// lines in a row after the article's last sentence, each a headline (five words or more, no
// sentence end) on another topic than the article. A list that belongs to the story (the
// ingredients, the names of the winners) is made of short items or shares the article's words.

import { endsWithFullStop, isHeadlineLike, stripBullet, wordCount } from './line-shape';
import { defineRule } from './rule';
import { contentWords } from './trailing-teasers';

function isHeadlineItem(line: string): boolean {
  const t = stripBullet(line).trim();
  const n = wordCount(t);
  return n >= 5 && n <= 20 && isHeadlineLike(t, 20) && !/[:：;؛,،]$/u.test(t);
}

export const trailingHeadlines = defineRule({
  id: 'trailing-headlines',
  description: { key: 'rule.trailing-headlines' },
  language: 'any',
  detect(_text, ctx) {
    const filled = ctx.lines.filter((l) => l.text.trim().length > 0);
    let k = filled.length;
    while (k > 0 && filled.length - k < 12 && isHeadlineItem(filled[k - 1].text)) k--;
    const items = filled.slice(k);
    // After the article's last sentence: prose ends with its full stop.
    if (items.length < 3 || k < 2 || !endsWithFullStop(filled[k - 1].text)) return [];
    const body = new Set<string>();
    for (const l of filled.slice(0, k)) for (const w of contentWords(l.text)) body.add(w);
    const offTopic = items.every((l) => {
      const ws = contentWords(l.text);
      let shared = 0;
      for (const w of ws) if (body.has(w)) shared++;
      return shared / Math.max(1, ws.size) <= 0.5;
    });
    return offTopic ? [ctx.suggest(items[0].start, ctx.text.length, 'boilerplate', 'trailing-headlines')] : [];
  },
});
