// The page `tahrir serve` answers to its printed URL (a GET of / with this server's ?token=): index.html with early.js
// written into it and startEditor's first part as a JSON block (serve.ts), so that the early paint needs no request
// after the HTML. Before, early.js was a file asked for once the HTML was parsed, and the start request left only
// once it had come and run (traces of the bench's open at load: 200–450 ms after navigation, against 100–130 ms for
// the floor's one request). The CSP stays strict: the inline script is allowed by its sha256 alone, no
// 'unsafe-inline'; the JSON block is data (never run), and it holds no `<`, so no text in a document can end it.
import { createHash } from 'node:crypto';
import { START_IN_PAGE_ID } from '../shared/start-answer-wire';
import { CONTENT_SECURITY_POLICY } from './window-options';

/** early.js's tag in index.html, which the started page replaces. */
export const EARLY_SCRIPT_TAG = '<script type="module" async src="early.js"></script>';

const SCRIPT_SRC = "script-src 'self'";
/**
 * index.html's preload of app.js, which the started page leaves out of its head: early.js asks for app.js once the
 * first screen's frame is drawn (early-start.ts), as the app runs only after that frame and the start whole. Fetched
 * and compiled (~850 KB, ~60 ms of a background thread) as the page loaded, it competed with that screen on a 2-core
 * machine. Written into the body only while the page waits on the first listing (StartedPage.appPreload).
 */
const MODULE_PRELOAD = /<link rel="modulepreload" href="app\.js" \/>\s*/;

export interface StartedPage {
  /** The page's Content-Security-Policy: ours with early.js's hash. */
  policy: string;
  /**
   * The page up to its body's end, sent at once: early.js (at the head's end) is compiled and run, and the browser
   * fetches the fonts, app.css and app.js, while the back end answers.
   */
  head: string;
  /** The page's end (after the start's block). */
  tail: string;
  /**
   * index.html's preload of app.js, for the page whose start is still being read when its head goes (a workspace of
   * 100,000 documents: ~1.3 s of listing after the head, while the page sits idle): written into the body then, the
   * browser fetches and compiles app.js in that wait, not after the early paint's frame. Empty when the page has none.
   */
  appPreload: string;
  /**
   * The page's preloads, stylesheet and app.js as a Link header: the browser fetches them as the response's headers
   * commit, not once the page's main thread parses the head. In traces of the 50k open at load that thread was busy
   * for up to 220 ms after the HTML's bytes were in (the bench's probe; on a desktop, the tab's start), and the early
   * paint waits for app.css and the first screen's fonts. Empty when the page has none.
   */
  link: string;
}

/** The CSP source allowing exactly `script` as an inline script. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/**
 * index.html (`html`) as a started page with `early` (early.js) in it, or null when this build's page or script does
 * not lend itself (no early.js tag, a script that could end its element early): then the page is served as it is.
 * The meta START_IN_PAGE_ID tells early.js that the start is coming in the page (a block at the body's end).
 */
export function startedPage(html: string, early: string): StartedPage | null {
  if (!html.includes(EARLY_SCRIPT_TAG) || !html.includes('</head>') || !html.includes(SCRIPT_SRC)) return null;
  if (/<\/script|<!--|<script/i.test(early)) return null;
  const withHash = `${SCRIPT_SRC} ${scriptHash(early)}`;
  const page = html
    .replace(EARLY_SCRIPT_TAG, `<meta name="${START_IN_PAGE_ID}" />`)
    .replace(MODULE_PRELOAD, '')
    .replace(SCRIPT_SRC, withHash)
    .replace('</head>', () => `<script type="module" async>${early}</script>\n</head>`); // no $ patterns
  const end = page.lastIndexOf('</body>');
  if (end < 0) return null;
  return {
    policy: CONTENT_SECURITY_POLICY.replace(SCRIPT_SRC, withHash),
    head: page.slice(0, end),
    tail: page.slice(end),
    appPreload: MODULE_PRELOAD.exec(html)?.[0].trim() ?? '',
    link: linkHeader(html.replace(MODULE_PRELOAD, '')),
  };
}

/**
 * The `<link>`s of `html` that fetch (preload, stylesheet, modulepreload) as a Link header's value, each with its `as`,
 * `type` and `crossorigin` (a font preloaded without CORS is not the one the stylesheet uses: fetched twice).
 */
export function linkHeader(html: string): string {
  const links: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const attr = (name: string) => new RegExp(`\\s${name}(?:="([^"]*)")?[\\s/>]`).exec(tag);
    const rel = attr('rel')?.[1];
    const href = attr('href')?.[1];
    if (!href || /[<>,;\s]|^[a-z]+:/i.test(href)) continue; // ours only: relative, nothing to escape
    const url = `</${href.replace(/^\.?\//, '')}>`;
    if (rel === 'stylesheet') links.push(`${url}; rel=preload; as=style`);
    else if (rel === 'modulepreload') links.push(`${url}; rel=modulepreload`);
    else if (rel === 'preload' && attr('as')?.[1]) {
      const type = attr('type')?.[1];
      const cors = attr('crossorigin') ? '; crossorigin' : '';
      links.push(`${url}; rel=preload; as=${attr('as')![1]}${type ? `; type="${type}"` : ''}${cors}`);
    }
  }
  return links.join(', ');
}

/**
 * The start's first part (`json`: startEditor's answer `{"result": …}`, its document's first screen only when `rest`)
 * as the page's JSON block. Every `<` is written `\u003c` (the same JSON): none can close the element.
 */
export function startBlock(json: Buffer, rest: boolean): Buffer {
  const pieces: Buffer[] = [
    Buffer.from(`<script type="application/json" id="${START_IN_PAGE_ID}"${rest ? ' data-rest' : ''}>`),
  ];
  let from = 0;
  // `<` (0x3c) is never a byte of a multi-byte UTF-8 character: the bytes can be searched as they are.
  for (let at = json.indexOf(0x3c); at >= 0; at = json.indexOf(0x3c, from)) {
    pieces.push(json.subarray(from, at), LESS_THAN);
    from = at + 1;
  }
  pieces.push(json.subarray(from), Buffer.from('</script>\n'));
  return Buffer.concat(pieces);
}

const LESS_THAN = Buffer.from('\\u003c');
