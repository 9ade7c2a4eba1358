// The peer: @recogito/text-annotator on the same DOM as the bare page (every line laid out: the
// library measures the text's rectangles), loading the same entities (it counts UTF-16 offsets into
// the container's text). ?renderer=SPANS (its default: absolutely placed <span>s over the text) or
// CSS_HIGHLIGHTS; the probe counts the SPANS renderer's <span>s as it counts highlight Ranges.
import { createTextAnnotator, type TextAnnotation } from '@recogito/text-annotator';
import '@recogito/text-annotator/text-annotator.css';
import {
  loadBenchDocument,
  nextWordInView,
  placeSpan,
  renderParagraphs,
  untaggedWords,
  type PlacedSpan,
} from './bench-document';
import type { BenchAdd } from './frame-probe';

declare global {
  interface Window {
    /** Adds one annotation on a word in view (see BenchAdd). */
    __benchAdd?: () => Promise<BenchAdd>;
    __benchStats?: Record<string, number>;
  }
}

const doc = await loadBenchDocument();
const fetchedAt = performance.now();
const container = document.getElementById('text')!;
const paragraphs = renderParagraphs(container, doc.text);

function annotation(id: string, label: string, span: PlacedSpan): TextAnnotation {
  const quote = span.paragraph.node.data.slice(span.from, span.to);
  return {
    id,
    bodies: [{ id: `${id}-b`, annotation: id, purpose: 'tagging', value: label }],
    // The range is revived from start/end by the library (that walk is the cost being measured).
    target: {
      annotation: id,
      selector: [
        { quote, start: span.paragraph.domStart + span.from, end: span.paragraph.domStart + span.to } as never,
      ],
    },
  } as TextAnnotation;
}

const annotations: TextAnnotation[] = [];
for (const entity of doc.sidecar.entities) {
  const span = placeSpan(paragraphs, entity.start, entity.end);
  if (span) annotations.push(annotation(entity.id, entity.label, span));
}
const renderer = new URLSearchParams(location.search).get('renderer') === 'CSS_HIGHLIGHTS' ? 'CSS_HIGHLIGHTS' : 'SPANS';
// What the probe counts as drawn besides highlight Ranges: the SPANS renderer's elements.
if (renderer === 'SPANS') window.__benchSpanClass = 'r6o-annotation';
const annotator = createTextAnnotator(container, { renderer });
const started = performance.now();
// 4.1.1: setAnnotations(annos) with CSS_HIGHLIGHTS throws ("Failed to construct 'Highlight'"); without replace it works.
annotator.setAnnotations(annotations, false);
const stats: Record<string, number> = {
  fetchedAt,
  paragraphs: paragraphs.length,
  annotations: annotations.length,
  setAnnotationsMs: performance.now() - started,
};

// One untagged word per line, taken on screen: the renderer draws only what is in view, so an
// annotation added out of view would be timed without ever being drawn.
const words = untaggedWords(doc, paragraphs, paragraphs.length);
const used = new Set<PlacedSpan>();
let added = 0;
window.__benchAdd = async () => {
  const word = nextWordInView(words, used);
  if (!word) return { scrolled: true };
  const before = window.__bench.rangeCount();
  const since = performance.now();
  annotator.addAnnotation(annotation(`add${added++}`, 'PERSON', word));
  return { ms: await window.__bench.addPainted(since, before) };
};
window.__benchStats = stats;
// Ready once the library has drawn its first annotations (it may draw on a later frame).
window.__benchReady = () => window.__bench.rangeCount() > 0;
