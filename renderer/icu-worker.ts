// Loads ICU's locale data off the page's main thread: early.js starts this worker at once. The page's first Intl
// object loads that data (50–270 ms in headless Chromium on a loaded machine), and ICU keeps it for the whole
// renderer process, so once this worker has made one, the app's first number format takes under a millisecond.
// Made on the main thread instead (as early.js did), it held the server's answer and the early paint back whenever
// the answer came first.
new Intl.NumberFormat().format(0);
new Intl.PluralRules().select(1);
close();
