// The physical floor: the same text, one `<p dir="auto">` per line, in a bare page;
// with ?mode=highlights, plus every entity registered through the CSS Custom Highlight API.
import {
  loadBenchDocument,
  nextWordInView,
  placeSpan,
  rangeOf,
  renderParagraphs,
  untaggedWords,
  type PlacedSpan,
} from './bench-document';
import type { BenchAdd } from './frame-probe';

declare global {
  interface Window {
    /** Adds one highlight on a word in view (see BenchAdd). */
    __benchAdd?: () => Promise<BenchAdd>;
    __benchStats?: Record<string, number>;
  }
}

const params = new URLSearchParams(location.search);
const mode = params.get('mode') ?? 'plain';
// ?cv=1: paragraphs out of view skip layout and paint (content-visibility), the text stays in the DOM.
if (params.get('cv') === '1') {
  const style = document.createElement('style');
  style.textContent = 'p { content-visibility: auto; contain-intrinsic-size: auto 10em; }';
  document.head.append(style);
}
const doc = await loadBenchDocument();
const fetchedAt = performance.now();
const container = document.getElementById('text')!;
const paragraphs = renderParagraphs(container, doc.text);
const stats: Record<string, number> = { fetchedAt, paragraphs: paragraphs.length };

if (mode === 'highlights') {
  const started = performance.now();
  const byLabel = new Map<string, Highlight>();
  let ranges = 0;
  for (const entity of doc.sidecar.entities) {
    const span = placeSpan(paragraphs, entity.start, entity.end);
    if (!span) continue;
    let highlight = byLabel.get(entity.label);
    if (!highlight) {
      highlight = new Highlight();
      byLabel.set(entity.label, highlight);
      CSS.highlights.set(`bench-${entity.label}`, highlight);
    }
    highlight.add(rangeOf(span));
    ranges++;
  }
  stats.ranges = ranges;
  stats.registerMs = performance.now() - started;
  // One untagged word per line, taken on screen (the add is seen where it is made).
  const words = untaggedWords(doc, paragraphs, paragraphs.length);
  const used = new Set<PlacedSpan>();
  const target = byLabel.values().next().value!;
  window.__benchAdd = async () => {
    const word = nextWordInView(words, used);
    if (!word) return { scrolled: true };
    const before = window.__bench.rangeCount();
    const since = performance.now();
    target.add(rangeOf(word));
    return { ms: await window.__bench.addPainted(since, before) };
  };
}
window.__benchStats = stats;
window.__benchReady = true;
