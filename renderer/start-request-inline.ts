// index.html's inline script (build/bundle.mjs puts it in the page and its hash in the Content-Security-Policy):
// asks for startEditor while the HTML is parsed, before early.js is fetched (start-request.ts).
import { askStartEditor } from './start-request';

// In a task after the page's parse: by then the page has asked for early.js, app.css and the fonts, so that the
// one-threaded server sends those first; asked before them, its answer (the sidecar read and parsed, ~100-1,000 ms
// on a loaded machine) held them back, and with them the first paint.
setTimeout(() => {
  try {
    askStartEditor();
  } catch {
    // storage or fetch unavailable: early.js asks itself
  }
}, 0);
