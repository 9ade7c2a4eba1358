// index.html's inline script (build/bundle.mjs puts it in the page and its hash in the Content-Security-Policy):
// asks for startEditor while the HTML is parsed, before early.js is fetched (start-request.ts).
import { askStartEditor } from './start-request';

try {
  askStartEditor();
} catch {
  // storage or fetch unavailable: early.js asks itself
}
