// The renderer's files over the privileged app://tahrir/ scheme, with the CSP: the page gets a
// secure origin of its own (fetch, 'self' in the CSP) and nothing outside dist/renderer/.
import { protocol } from 'electron';
import { readRendererFile } from '../renderer-files';
import { APP_HOST, APP_SCHEME, SECURITY_HEADERS } from '../window-options';

/** Must happen before 'ready': app:// behaves like https (secure context, fetch, 'self' in the CSP). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/** app://tahrir/<path> → `rendererDir`/<path>, with the CSP; nothing outside that folder. */
export function serveRendererFiles(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererFileResponse(rendererDir, request));
}

async function rendererFileResponse(rendererDir: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const headers = { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' };
  if (url.host !== APP_HOST) return new Response('Not found', { status: 404, headers });
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return new Response('Method not allowed', { status: 405, headers });
  const file = await readRendererFile(rendererDir, url.pathname);
  if (!file) return new Response('Not found', { status: 404, headers });
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' },
  });
}
