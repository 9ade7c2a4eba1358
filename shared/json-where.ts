// Where a hand-edited JSON file broke, in the words of an editor: its line and column. JSON.parse names a UTF-16
// position (V8: "… in JSON at position 358"), which no editor shows; and a file git merged as text holds conflict
// markers, which the parser calls an unexpected '<'.
import { codePointLength } from './code-points';

/** The 1-based line of a conflict marker git's text merge leaves (`<<<<<<< HEAD`), or 0 when there is none. */
export function conflictMarkerLine(text: string): number {
  // JSON never holds a line that starts so: a string cannot span a line break.
  const at = /^(<{7}|={7}|>{7})(?: |\r?$)/m.exec(text);
  return at ? lineAt(text, at.index) : 0;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Where JSON.parse's complaint `why` about `text` points: line and column (1-based, the column in code points), or
 * `atEnd` when the parser ran off the end (a cut file) or did not say where.
 */
export function whereJsonBroke(text: string, why: string): { line: number; column: number } | { atEnd: true } {
  const position = /at position (\d+)/.exec(why);
  if (!position || /end of JSON input/.test(why)) return { atEnd: true };
  const at = Number(position[1]);
  if (at >= text.trimEnd().length) return { atEnd: true };
  const column = codePointLength(text.slice(text.lastIndexOf('\n', at - 1) + 1, at)) + 1;
  return { line: lineAt(text, at), column };
}
