// Which links may leave the app for the system browser. A module of its own: the page's first script (early.js)
// checks links through the HTTP bridge, and importing this from api-arguments took valibot and every API's argument
// schema into that script, built before the page could ask for its workspace.

/** Is this an http(s) URL? (Only those may leave the app for the system browser.) */
export function isWebLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}
