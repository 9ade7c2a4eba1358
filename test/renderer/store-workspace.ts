// A real workspace for store tests: temp folder, real Backend, a fresh editor session on it.
import type { TahrirApi } from '../../shared/api';
import { Backend } from '../../electron/backend';
import { startSession } from '../../renderer/session/session';
import { tempFolder, writeFiles } from '../electron/temp-folder';

/** Arabic with a combining mark (عمّان), an emoji and a flag before the names, CRLF line ends, a BOM. */
export const ARABIC =
  '\uFEFFقال الرئيس الأمريكي جو بايدن 🇺🇸 في عمّان 👋:\r\n"نرحب بالحوار" وأضاف بايدن إن الأمر جيد.\r\nوقال إن أمريكا و إمريكا شيء واحد، وبايدن هنا.\r\n';
export const ENGLISH = 'Fumio Kishida said: "The window is open."\nThen he left.\n';

/** The Backend's operations as a TahrirApi (the host-only ones are not used by the store). */
export function apiOf(backend: Backend): TahrirApi {
  return backend as unknown as TahrirApi;
}

export async function openWorkspace(
  files: Record<string, string | Uint8Array> = { 'ar.txt': ARABIC, 'en.txt': ENGLISH },
): Promise<{ root: string; backend: Backend; api: TahrirApi }> {
  const root = await tempFolder('tahrir-store-');
  await writeFiles(root, files);
  const backend = await Backend.open(root);
  const api = apiOf(backend);
  startSession(api);
  return { root, backend, api };
}

/** Code point offset of `needle` in the text without its BOM (what the sidecar stores). */
export function cp(text: string, needle: string, from = 0): number {
  const body = text.replace(/^\uFEFF/, '');
  const u = body.indexOf(needle, from);
  if (u < 0) throw new Error(`not found: ${needle}`);
  return Array.from(body.slice(0, u)).length;
}
