// The floors: the same text, one `<p dir="auto">` per line, in a bare page laid out with Tahrir's fonts and
// text metrics (floor-text.css), each paragraph out of view skipping layout and paint
// (`content-visibility: auto`, the technique Tahrir uses), no framework.
//   ?mode=text        fetches the text only and renders it (the open floor);
//   ?mode=highlights  fetches the text and the sidecar, and registers every entity as a CSS Custom
//                     Highlight Range, one Highlight per label (the open floor with highlights, and
//                     the add-one floor: __benchAdd adds one Range on a word in view);
//   &cv=0             the same without content-visibility (every line laid out: the scroll reference).
import {
  loadBenchDocument,
  loadBenchText,
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
const mode = params.get('mode') ?? 'text';
if (params.get('cv') !== '0') {
  const style = document.createElement('style');
  style.textContent = 'p { content-visibility: auto; contain-intrinsic-size: auto 10em; }';
  document.head.append(style);
}
const container = document.getElementById('text')!;
const stats: Record<string, number> = {};

if (mode === 'highlights') {
  const doc = await loadBenchDocument();
  stats.fetchedAt = performance.now();
  const paragraphs = renderParagraphs(container, doc.text);
  stats.paragraphs = paragraphs.length;
  const started = performance.now();
  const byLabel = new Map<string, Highlight>();
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
  }
  stats.ranges = [...byLabel.values()].reduce((n, h) => n + h.size, 0);
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
} else {
  const text = await loadBenchText();
  stats.fetchedAt = performance.now();
  stats.paragraphs = renderParagraphs(container, text).length;
}
window.__benchStats = stats;
window.__benchReady = true;
