// `conll` import: IOB2 (or IOB1) tagged tokens, `token … tag` a line, documents
// separated by `-DOCSTART-`. Tokens carry no offsets, so each document is aligned to
// its text (the clean text of a workspace document) to rebuild code-point offsets.
import { CodePointIndex } from '../code-points';
import { TahrirError } from '../errors';
import { TOKEN_SEPARATOR } from '../export/iob-tags';
import type { ImportedDocument, ImportedEntity } from './pre-annotations';

export interface ConllToken {
  text: string;
  tag: string;
}

/** The tagged tokens of each document in a CoNLL file, in order. */
export function parseConll(content: string, file: string): ConllToken[][] {
  const docs: ConllToken[][] = [];
  let current: ConllToken[] | null = null;
  content.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const cols = line.includes('\t') ? line.split('\t') : line.trim().split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      current = [];
      docs.push(current);
      return;
    }
    if (cols.length < 2)
      throw new TahrirError('invalid-argument', `line "${line.slice(0, 40)}" has no tag column`, `${file}:${i + 1}`);
    const tag = cols[cols.length - 1].trim();
    if (!/^(O|[BIE]-.+|[BIES]-.+)$/.test(tag))
      throw new TahrirError('invalid-argument', `"${tag}" is not an IOB tag`, `${file}:${i + 1}`);
    if (!current) {
      current = [];
      docs.push(current);
    }
    current.push({ text: cols[0], tag });
  });
  return docs.filter((d) => d.length > 0);
}

/** The document's non-whitespace characters: the key that finds which text a token list was cut from. */
export function alignmentKey(text: string): string {
  return text.replace(new RegExp(TOKEN_SEPARATOR.source, 'gu'), '');
}

/**
 * Finds each token in `text` (only whitespace may lie between tokens) and turns the
 * tags into entities. Throws when a token is not where the text says it should be.
 */
export function alignConll(tokens: readonly ConllToken[], text: string, where: string): ImportedDocument {
  const index = new CodePointIndex(text);
  const entities: ImportedEntity[] = [];
  let at = 0; // UTF-16
  let open: ImportedEntity | null = null;
  const close = () => {
    if (open) entities.push(open);
    open = null;
  };
  tokens.forEach((token, n) => {
    while (at < text.length && TOKEN_SEPARATOR.test(text[at])) at++;
    if (!text.startsWith(token.text, at)) {
      throw new TahrirError(
        'invalid-argument',
        `token ${n + 1} "${token.text}" does not match the text at character ${index.toCodePoint(at)}`,
        where,
      );
    }
    const start = index.toCodePoint(at);
    at += token.text.length;
    const end = index.toCodePoint(at);
    const m = /^([BIES])-(.+)$/.exec(token.tag);
    if (!m) {
      close();
      return;
    }
    const [, prefix, label] = m;
    // IOB1/IOB2: I continues an open entity of the same label; anything else begins one.
    if ((prefix === 'I' || prefix === 'E') && open && (open as ImportedEntity).label === label) {
      (open as ImportedEntity).end = end;
    } else {
      close();
      open = { start, end, label };
    }
    if (prefix === 'E' || prefix === 'S') close();
  });
  close();
  return { text, entities, quotes: [] };
}
