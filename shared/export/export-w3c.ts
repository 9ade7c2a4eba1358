// `w3c`: one JSON-LD file, a W3C Web Annotation AnnotationCollection. Each annotation
// targets its document with a TextQuoteSelector (exact, prefix, suffix) and a
// TextPositionSelector (start, end in code points, as the Selectors note counts
// characters). Written as a stream: header, one annotation at a time, footer.
import type { ExportRecord } from './export-record';
import type { ExportWriter, FormatExporter } from './exporter';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const CONTEXT_CHARS = 32;

/** A stable IRI for a document: the id's path segments percent-encoded under a urn. */
export function documentIri(id: string): string {
  return `urn:tahrir:document:${id.split('/').map(encodeURIComponent).join('/')}`;
}

/** Wikidata ids become their entity IRI; anything else stays a textual identification. */
function linkBody(link: string): Record<string, unknown> {
  if (/^Q[1-9][0-9]*$/.test(link)) {
    return { type: 'SpecificResource', purpose: 'identifying', source: `http://www.wikidata.org/entity/${link}` };
  }
  if (/^https?:\/\//.test(link)) return { type: 'SpecificResource', purpose: 'identifying', source: link };
  return { type: 'TextualBody', purpose: 'identifying', value: link };
}

function target(chars: readonly string[], iri: string, start: number, end: number) {
  return {
    source: iri,
    selector: [
      {
        type: 'TextQuoteSelector',
        exact: chars.slice(start, end).join(''),
        prefix: chars.slice(Math.max(0, start - CONTEXT_CHARS), start).join(''),
        suffix: chars.slice(end, end + CONTEXT_CHARS).join(''),
      },
      { type: 'TextPositionSelector', start, end },
    ],
  };
}

/** The annotations for one document, entities first then quotes. */
export function w3cAnnotations(record: ExportRecord): Record<string, unknown>[] {
  const chars = Array.from(record.text);
  const iri = documentIri(record.id);
  const entityIri = (i: number) => `${iri}#entity-${i + 1}`;
  const out: Record<string, unknown>[] = record.spans.map((span, i) => ({
    id: entityIri(i),
    type: 'Annotation',
    motivation: 'tagging',
    body: [{ type: 'TextualBody', purpose: 'tagging', value: span.label }, ...(span.link ? [linkBody(span.link)] : [])],
    target: target(chars, iri, span.start, span.end),
  }));
  record.quotes.forEach((quote, i) => {
    const body: Record<string, unknown>[] = [
      { type: 'TextualBody', purpose: 'tagging', value: 'QUOTE' },
      { type: 'TextualBody', purpose: 'classifying', value: quote.kind },
    ];
    if (quote.speaker !== null) {
      // The speaker is another annotation of this collection, and by name for readers that do not follow links.
      body.push({ type: 'SpecificResource', purpose: 'linking', source: entityIri(quote.speaker) });
      body.push({ type: 'TextualBody', purpose: 'identifying', value: record.spans[quote.speaker].text });
    } else if (quote.speakerName) {
      body.push({ type: 'TextualBody', purpose: 'identifying', value: quote.speakerName });
    }
    out.push({
      id: `${iri}#quote-${i + 1}`,
      type: 'Annotation',
      motivation: 'tagging',
      body,
      target: target(chars, iri, quote.start, quote.end),
    });
  });
  return out;
}

export function createW3cExporter(label = 'Tahrir export'): FormatExporter {
  let count = 0;
  return {
    layout: 'file',
    extension: 'jsonld',
    async start(writer: ExportWriter) {
      const head = { '@context': W3C_CONTEXT, type: 'AnnotationCollection', label };
      // Open the collection's one page; the annotations stream into its items list.
      await writer.append(`${JSON.stringify(head).slice(0, -1)},"first":{"type":"AnnotationPage","items":[`);
    },
    async add(record: ExportRecord, writer: ExportWriter) {
      let chunk = '';
      for (const annotation of w3cAnnotations(record)) {
        chunk += `${count++ === 0 ? '\n' : ',\n'}${JSON.stringify(annotation)}`;
      }
      if (chunk) await writer.append(chunk);
      return [];
    },
    async finish(writer: ExportWriter) {
      await writer.append(`\n]},"total":${count}}\n`);
    },
  };
}
