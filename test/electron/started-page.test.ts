// The page `tahrir serve` answers to its printed URL (electron/started-page.ts): early.js in it, allowed by its sha256
// alone (no 'unsafe-inline'), and startEditor's first part in a JSON block that no text of a document can end; the
// document in it is the one last opened through this server, else the first. Any other URL gets index.html as it is.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/serve';
import { EARLY_SCRIPT_TAG, linkHeader, startBlock, startedPage } from '../../electron/started-page';
import type { EditorStart, OpenedDocument } from '../../shared/api';
import { unpackListAnswer } from '../../shared/document-list-wire';
import { TOKEN_HEADER } from '../../shared/http-protocol';
import type { StartInParts } from '../../shared/start-answer-wire';

// Minified code is full of `$`: a replacement string would read `$&` or `$'` as patterns.
const EARLY = 'const a=$=>$&&1;window.x="$\'$`$$";console.log(a)';
const PAGE = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'" />
${EARLY_SCRIPT_TAG}<link rel="stylesheet" href="app.css" /></head><body><div id="root"></div></body></html>`;
const HOSTILE = 'He wrote </script><script>alert(1)</script> and <!-- this --> in the text.\n';

const hashOf = (script: string) => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
/** The inline module script's text, as the browser hashes it. */
const inlineScript = (html: string) => /<script type="module" async>([\s\S]*?)<\/script>/.exec(html)?.[1];
const blockOf = (html: string) =>
  /<script type="application\/json" id="tahrir-start"( data-rest)?>([^<]*)<\/script>/.exec(html);

describe('the started page, as written', () => {
  it('holds early.js as it is, allowed by its hash in the header and the meta policy, never by unsafe-inline', () => {
    const started = startedPage(PAGE, EARLY)!;
    const html = started.head + started.tail;
    expect(inlineScript(html)).toBe(EARLY);
    expect(started.policy).toContain(`script-src 'self' ${hashOf(EARLY)}`);
    expect(html).toContain(`script-src 'self' ${hashOf(EARLY)}`);
    expect(started.policy + html).not.toContain('unsafe-inline');
    expect(html).not.toContain(EARLY_SCRIPT_TAG);
    expect(started.tail.startsWith('</body>')).toBe(true);
  });

  it('is not made from a script that could end its element, or a page without early.js’s tag', () => {
    expect(startedPage(PAGE, 'x="</script>"')).toBeNull();
    expect(startedPage(PAGE, 'x="<!--"')).toBeNull();
    expect(startedPage(PAGE.replace(EARLY_SCRIPT_TAG, ''), EARLY)).toBeNull();
  });

  it('names its fonts, stylesheet and app.js in a Link header, fonts with CORS as the page preloads them', () => {
    const links = `<link rel="icon" href="data:," />
<link rel="preload" href="assets/naskh-KPJ7.woff2" as="font" type="font/woff2" crossorigin />
<link rel="stylesheet" href="app.css" /><link rel="modulepreload" href="./app.js" />
<link rel="preload" href="https://elsewhere.example/x.woff2" as="font" crossorigin />`;
    expect(linkHeader(links)).toBe(
      '</assets/naskh-KPJ7.woff2>; rel=preload; as=font; type="font/woff2"; crossorigin, ' +
        '</app.css>; rel=preload; as=style, </app.js>; rel=modulepreload',
    );
    expect(startedPage(PAGE, EARLY)!.link).toBe('</app.css>; rel=preload; as=style');
  });

  it("leaves index.html's preload of app.js out of the page and its Link header (early.js asks for it later)", async () => {
    const index = await readFile(join(__dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    expect(index).toContain('modulepreload');
    const started = startedPage(index, EARLY)!;
    expect(started.head + started.tail).not.toContain('modulepreload');
    expect(started.link).toBe('</app.css>; rel=preload; as=style');
  });

  it("keeps index.html's preload of app.js, for a page whose start is still being read", async () => {
    const index = await readFile(join(__dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    expect(startedPage(index, EARLY)!.appPreload).toBe('<link rel="modulepreload" href="app.js" />');
    expect(startedPage(PAGE, EARLY)!.appPreload).toBe('');
  });

  it('writes the start with no `<` in it, the same JSON', () => {
    const json = Buffer.from(JSON.stringify({ result: { text: HOSTILE, more: 'عربي <b>' } }));
    const block = startBlock(json, true).toString();
    const [, rest, content] = blockOf(block)!;
    expect(rest).toBe(' data-rest');
    expect(content).not.toContain('<');
    expect(JSON.parse(content)).toEqual(JSON.parse(json.toString()));
  });
});

let base: string;
let server: RunningServer;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'tahrir-started-page-'));
  await mkdir(join(base, 'ws'));
  await writeFile(join(base, 'ws', 'a-first.txt'), HOSTILE);
  await writeFile(join(base, 'ws', 'b-second.txt'), 'The second article.\n');
  await writeFile(join(base, 'index.html'), PAGE);
  await writeFile(join(base, 'early.js'), EARLY);
  server = await startServer({ root: join(base, 'ws'), port: 0, rendererDir: base, log: () => undefined });
}, 60_000);

afterAll(async () => {
  await server?.close();
  if (base) await rm(base, { recursive: true, force: true });
});

async function get(path: string): Promise<{ html: string; policy: string | null; link: string | null }> {
  const response = await fetch(`http://127.0.0.1:${server.port}${path}`);
  expect(response.status).toBe(200);
  const { headers } = response;
  return { html: await response.text(), policy: headers.get('content-security-policy'), link: headers.get('link') };
}

function startIn(html: string): EditorStart {
  const block = blockOf(html);
  expect(block).not.toBeNull();
  return unpackListAnswer('startEditor', (JSON.parse(block![2]) as StartInParts).result) as EditorStart;
}

describe('tahrir serve’s answer to its printed URL', () => {
  it('is the page with early.js allowed by its hash and the start of the first document, its text whole', async () => {
    const { html, policy, link } = await get(`/?token=${server.token}`);
    expect(inlineScript(html)).toBe(EARLY);
    expect(policy).toContain(hashOf(EARLY));
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toMatch(/default-src 'none'/);
    expect(link).toBe('</app.css>; rel=preload; as=style');
    const start = startIn(html);
    expect(start.first?.id).toBe('a-first');
    expect((start.first as { opened: OpenedDocument }).opened.text).toBe(HOSTILE);
    expect(start.workspace.documents.map((d) => d.id)).toEqual(['a-first', 'b-second']);
    // The block and early.js are the page's only scripts: the document's text ended neither.
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('starts with the document last opened through this server', async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/api/openDocument`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token },
      body: JSON.stringify({ args: ['b-second'] }),
    });
    expect(response.status).toBe(200);
    expect(startIn((await get(`/?token=${server.token}`)).html).first?.id).toBe('b-second');
  });

  it('is index.html as it is without the token (a reload: the page asks itself)', async () => {
    const { html, policy } = await get('/');
    expect(html).toBe(await readFile(join(base, 'index.html'), 'utf8'));
    expect(policy).not.toContain('sha256');
  });
});

describe('tahrir serve’s page while its first listing is read', () => {
  // The page would wait with nothing to do (100,000 documents: ~1.3 s of listing after its head went): it fetches and
  // compiles app.js meanwhile. 3,000 documents take the listing far longer than one request to this server.
  const WITH_PRELOAD = PAGE.replace('</head>', '<link rel="modulepreload" href="app.js" /></head>');
  const PRELOAD = '<link rel="modulepreload" href="app.js" />';
  let dir: string;
  let listing: RunningServer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tahrir-started-page-listing-'));
    await mkdir(join(dir, 'ws'));
    for (let folder = 0; folder < 6; folder++) {
      await mkdir(join(dir, 'ws', `batch-${folder}`));
      await Promise.all(
        Array.from({ length: 500 }, (_, i) =>
          writeFile(join(dir, 'ws', `batch-${folder}`, `article-${i}.txt`), `Article ${i} of batch ${folder}.\n`),
        ),
      );
    }
    await writeFile(join(dir, 'index.html'), WITH_PRELOAD);
    await writeFile(join(dir, 'early.js'), EARLY);
  }, 60_000);
  afterAll(async () => {
    await listing?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const page = async () => (await fetch(`http://127.0.0.1:${listing.port}/?token=${listing.token}`)).text();

  it('asks for app.js in its body, before the start, while the listing is read; not once it is', async () => {
    listing = await startServer({ root: join(dir, 'ws'), port: 0, rendererDir: dir, log: () => undefined });
    const html = await page();
    expect(html.indexOf(PRELOAD)).toBeGreaterThan(html.indexOf('<body>'));
    expect(html.indexOf(PRELOAD)).toBeLessThan(html.indexOf('id="tahrir-start"'));
    expect(startIn(html).workspace.documents[0].id).toBe('batch-0/article-0');
    await listing.listed;
    const later = await page();
    expect(later).not.toContain('modulepreload');
    expect(later).toContain('id="tahrir-start"');
  });
});
