// Normalization for matching and search, never for storage: letter variants that
// scraped Arabic text mixes (hamza forms of alef, Persian yeh and keheh, optional teh
// marbuta), harakat and other combining marks, tatweel, Arabic-Indic and Persian
// digits, and Latin case and accents. Positions always map back to the original text.

export interface NormalizeOptions {
  /** Also match ة (teh marbuta) with ه (heh). */
  tehMarbuta?: boolean;
}

export interface FindOptions extends NormalizeOptions {
  /** Only matches not glued to a letter or digit on either side. */
  wholeWords?: boolean;
}

const ALEF = 'ا';
const YEH = 'ي';

/** One-to-one Arabic letter and digit folds. */
const ARABIC_FOLDS: Record<string, string> = {
  أ: ALEF, // U+0623 alef with hamza above
  إ: ALEF, // U+0625 alef with hamza below
  آ: ALEF, // U+0622 alef with madda
  ٱ: ALEF, // U+0671 alef wasla
  ٲ: ALEF, // U+0672 alef with wavy hamza above
  ٳ: ALEF, // U+0673 alef with wavy hamza below
  ى: YEH, // U+0649 alef maksura
  ی: YEH, // U+06CC Farsi yeh
  ې: YEH, // U+06D0 e (Pashto/Uyghur yeh)
  ک: 'ك', // U+06A9 keheh
  ڪ: 'ك', // U+06AA swash kaf
  ە: 'ه', // U+06D5 ae (Kurdish heh)
  ہ: 'ه', // U+06C1 heh goal (Urdu)
  '٫': '.', // U+066B Arabic decimal separator
  '٬': ',', // U+066C Arabic thousands separator
};

/** Invisible characters that never matter for matching: tatweel, zero-width and bidi controls, BOM. */
const DROPPED = /^[\u0640\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]$/u;
const MARK = /^\p{M}$/u;

function isArabicBlock(cp: number): boolean {
  return (cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0x08a0 && cp <= 0x08ff);
}

function isArabicPresentationForm(cp: number): boolean {
  return (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff);
}

/** What one original code point becomes (zero, one or more code points). */
function foldCodePoint(ch: string, options: NormalizeOptions): string {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) return ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : ch;
  if (DROPPED.test(ch) || MARK.test(ch)) return '';
  if (cp >= 0x0660 && cp <= 0x0669) return String.fromCharCode(48 + cp - 0x0660);
  if (cp >= 0x06f0 && cp <= 0x06f9) return String.fromCharCode(48 + cp - 0x06f0);
  if (ch === 'ة') return options.tehMarbuta ? 'ه' : ch;
  if (isArabicBlock(cp)) return ARABIC_FOLDS[ch] ?? ch;
  // Presentation forms (lam-alef ligatures and the like) become their letters; other
  // scripts lose accents (NFD, then marks dropped) and case.
  const decomposed = isArabicPresentationForm(cp) ? ch.normalize('NFKC') : ch.normalize('NFD');
  let out = '';
  for (const part of decomposed) {
    if (MARK.test(part) || DROPPED.test(part)) continue;
    const p = part.codePointAt(0)!;
    out += isArabicBlock(p)
      ? (ARABIC_FOLDS[part] ?? (part === 'ة' && options.tehMarbuta ? 'ه' : part))
      : part.toLowerCase();
  }
  return out;
}

// What each code point folds to, remembered (a text uses few distinct code points).
const FOLDS = new Map<string, string>();
const FOLDS_TEH = new Map<string, string>();

/**
 * Normalized text for matching. `toOriginal[i]` is the code point offset in `text`
 * (the original) of the i-th code point of the result; one extra last entry holds the
 * original length, so `toOriginal[normalizedLength]` maps an end offset.
 */
export function normalizeForMatch(
  text: string,
  options: NormalizeOptions = {},
): { text: string; toOriginal: number[] } {
  const folds = options.tehMarbuta ? FOLDS_TEH : FOLDS;
  const toOriginal: number[] = [];
  // Code units gathered in a small buffer and turned into strings a chunk at a time:
  // much faster on a 1 MB text than one string per code point.
  // As large as a short text needs: a word's normalization made a 8 KB buffer (the speaker rules fold a few hundred
  // words when their module loads: ~30 ms of the editor's start on a loaded machine).
  const chunk = Math.min(CHUNK, 2 * text.length);
  const buffer = new Uint16Array(chunk + 64);
  const chunks: string[] = [];
  let used = 0;
  let original = 0;
  for (const ch of text) {
    let folded = folds.get(ch);
    if (folded === undefined) folds.set(ch, (folded = foldCodePoint(ch, options)));
    for (let u = 0; u < folded.length; u++) {
      const unit = folded.charCodeAt(u);
      buffer[used++] = unit;
      // One entry per code point: the low half of a pair adds none.
      if (unit < 0xdc00 || unit > 0xdfff || u === 0) toOriginal.push(original);
    }
    if (used >= chunk) {
      chunks.push(String.fromCharCode.apply(null, buffer.subarray(0, used) as unknown as number[]));
      used = 0;
    }
    original++;
  }
  chunks.push(String.fromCharCode.apply(null, buffer.subarray(0, used) as unknown as number[]));
  toOriginal.push(original);
  return { text: chunks.join(''), toOriginal };
}

/**
 * What normalizeForMatch may change: Latin capitals, marks, dropped characters, Arabic-Indic and
 * Persian digits, the folded letters, and whatever lies outside ASCII and the Arabic block.
 */
const FOLDABLE = new RegExp(
  [
    String.raw`[A-Z\p{M}\u0640\u200B-\u200F\u202A-\u202E\u2060-\u2069\u0660-\u0669\u06F0-\u06F9`,
    String.raw`\u0622\u0623\u0625\u0649\u066B\u066C\u0671-\u0673\u06A9\u06AA\u06C1\u06CC\u06D0\u06D5\u0080-\u05FF]`,
    String.raw`|[^\u0000-\u06FF]`,
  ].join(''),
  'gu',
);

/**
 * The text of normalizeForMatch alone, without the offsets: what the document filter compares (a
 * few times faster over a workspace's texts, as most characters stay as they are).
 */
export function normalizeText(text: string, options: NormalizeOptions = {}): string {
  const folds = options.tehMarbuta ? FOLDS_TEH : FOLDS;
  const fold = (ch: string): string => {
    let folded = folds.get(ch);
    if (folded === undefined) folds.set(ch, (folded = foldCodePoint(ch, options)));
    return folded;
  };
  const out = text.replace(FOLDABLE, fold);
  return options.tehMarbuta ? out.replace(/ة/gu, 'ه') : out;
}

/** Code units per chunk of normalized text (well under engines' argument limits). */
const CHUNK = 4096;

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

/**
 * Every occurrence of `needle` in `haystack`, matched after normalization, as code
 * point ranges of the original haystack; left to right, not overlapping. A match's end
 * takes in the combining marks that follow its last letter (they belong to it).
 */
export function findAll(haystack: string, needle: string, options: FindOptions = {}): { start: number; end: number }[] {
  return finder(haystack, options)(needle);
}

/**
 * findAll for many needles in one haystack: the haystack is normalized once (the speaker
 * suggestion looks for some forty speech verbs in the same stretch of text).
 */
export function finder(
  haystack: string,
  options: FindOptions = {},
): (needle: string) => { start: number; end: number }[] {
  const hay = normalizeForMatch(haystack, options);
  const original = Array.from(haystack);
  // UTF-16 offsets of the normalized haystack → its code point offsets.
  const cpAt = new Int32Array(hay.text.length + 1);
  let cp = 0;
  for (let u = 0; u < hay.text.length; u++) {
    cpAt[u] = cp;
    const unit = hay.text.charCodeAt(u);
    if (unit >= 0xd800 && unit <= 0xdbff && u + 1 < hay.text.length) {
      cpAt[u + 1] = cp;
      u++;
    }
    cp++;
  }
  cpAt[hay.text.length] = cp;

  return (needle) => {
    const pin = normalizeForMatch(needle, options).text;
    if (pin === '') return [];
    const matches: { start: number; end: number }[] = [];
    let from = 0;
    for (;;) {
      const u = hay.text.indexOf(pin, from);
      if (u < 0) break;
      const nStart = cpAt[u];
      const nEnd = cpAt[u + pin.length];
      const start = hay.toOriginal[nStart];
      let end = hay.toOriginal[nEnd - 1] + 1;
      while (end < original.length && MARK.test(original[end])) end++;
      const glued =
        options.wholeWords &&
        ((start > 0 && WORD_CHAR.test(original[start - 1])) ||
          (end < original.length && WORD_CHAR.test(original[end])));
      // A match starting inside a code point that folded to several (a ligature) is a partial match: skip it.
      const partial = nStart > 0 && hay.toOriginal[nStart - 1] === start;
      if (!glued && !partial) {
        matches.push({ start, end });
        from = u + pin.length;
      } else {
        from = u + 1;
      }
    }
    return matches;
  };
}
