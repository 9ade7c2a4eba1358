// The shown text: paragraphs, CRLF, bidi controls, and positions through edits; word
// snapping; the speaker suggestion.
import { describe, expect, it } from 'vitest';
import type { Edit, Entity } from '../../shared/model';
import { suggestSpeaker } from '../../shared/speaker-suggestion';
import { BIDI_MARKER, blankLine, paragraphClass, shownText, splitParagraphs } from '../../shared/text-view';
import { snapToWords } from '../../shared/word-snap';

const edit = (id: string, source: string, start: number, end: number, replacement = ''): Edit => ({
  id,
  start,
  end,
  text: Array.from(source).slice(start, end).join(''),
  replacement,
  kind: 'boilerplate',
});

describe('shown text', () => {
  it('splits paragraphs at line breaks, in code points, leaving CR out of the shown paragraph', () => {
    const text = 'عمّان 👋\r\nسطر 🇯🇵 ثان\r\n\r\nEnglish';
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => p.text)).toEqual(['عمّان 👋', 'سطر 🇯🇵 ثان', '', 'English']);
    // عمّان is 5 code points (the shadda is one), the emoji one: 7, then CR LF.
    expect(paragraphs.map((p) => [p.start, p.end])).toEqual([
      [0, 7],
      [9, 19],
      [21, 21],
      [23, 30],
    ]);
    expect(paragraphs[1].units.toUtf16(10)).toBe(12);
  });

  it('shows bidi controls as a visible marker of the same length, and lists where they are', () => {
    const [p] = splitParagraphs('abc \u202Eevil\u202C and \u2067x\u2069');
    expect(p.display).toBe(`abc ${BIDI_MARKER}evil${BIDI_MARKER} and ${BIDI_MARKER}x${BIDI_MARKER}`);
    expect(p.display.length).toBe(p.text.length);
    expect(p.bidi).toEqual([4, 9, 15, 17]);
  });

  it('maps between source and clean text through edits, hiding spans inside removed text', () => {
    const source = 'Title\nREAD MORE 🎉 junk\nجو بايدن said "hi".\n';
    const removedStart = source.indexOf('READ');
    const removedEnd = Array.from(source.slice(0, source.indexOf('جو'))).length;
    const edits = { e1: edit('e1', source, removedStart, removedEnd) };
    const shown = shownText(source, edits, 'clean');
    expect(shown.text).toBe('Title\nجو بايدن said "hi".\n');
    expect(shown.paragraphs.map((p) => p.text)).toEqual(['Title', 'جو بايدن said "hi".', '']);
    const sourceBiden = removedEnd;
    expect(shown.toShown(sourceBiden, sourceBiden + 8)).toEqual({ start: 6, end: 14, clipped: false });
    expect(shown.toSource(6, 'start')).toBe(sourceBiden);
    expect(shown.toSource(14, 'end')).toBe(sourceBiden + 8);
    expect(shown.toShown(removedStart + 10, removedStart + 11)).toBeNull(); // the emoji, removed
    expect(shownText(source, edits, 'clean')).toBe(shown); // memoized
    const raw = shownText(source, edits, 'source');
    expect(raw.text).toBe(source);
    expect(raw.toSource(7, 'start')).toBe(7);
  });
});

describe('blank lines', () => {
  it('draws the first blank line of a run as one line and the ones after it as none, the text untouched', () => {
    // On main every blank line was a paragraph of its own height (a run of five: 275 px of nothing).
    const text = 'One.\n\nTwo.\n\n\n \t\n\r\nThree.\n';
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((_, i) => blankLine(paragraphs, i))).toEqual([
      null,
      'first',
      null,
      'first',
      'more',
      'more',
      'more',
      null,
      'first',
    ]);
    expect(paragraphClass(paragraphs, 4)).toBe('para blank more');
    expect(paragraphClass(paragraphs, 3)).toBe('para blank');
    expect(paragraphClass(paragraphs, 2)).toBe('para');
    // The lines keep their offsets: a blank line of spaces is still its spaces.
    expect(paragraphs[5].text).toBe(' \t');
    expect(paragraphs[7].start).toBe(text.indexOf('Three'));
  });
});

describe('word snapping', () => {
  const text = 'قال "نرحب بفرصة" وبايدن said U.S. talks';
  const at = (s: string) => text.indexOf(s);
  it('grows a selection to whole words and trims spaces and punctuation', () => {
    expect(snapToWords(text, at('رحب'), at('فرصة') + 2)).toEqual({ start: at('نرحب'), end: at('بفرصة') + 5 });
    expect(snapToWords(text, at('"نرحب') - 1, at('بفرصة"') + 6)).toEqual({ start: at('نرحب'), end: at('بفرصة') + 5 });
  });
  it('keeps an exact selection of a whole stem: no proclitic or possessive added', () => {
    // On main: وبايدن, لواشنطن, Japan's, Japan’s.
    expect(snapToWords(text, at('بايدن'), at('بايدن') + 5)).toEqual({ start: at('بايدن'), end: at('بايدن') + 5 });
    const news = "قالت لواشنطن وبالقاهرة إن Japan's talks and Japan’s role";
    const on = (s: string) => news.indexOf(s);
    const exactly = (s: string, from = on(s)) => ({ start: from, end: from + s.length });
    expect(snapToWords(news, on('واشنطن'), on('واشنطن') + 6)).toEqual(exactly('واشنطن'));
    expect(snapToWords(news, on('القاهرة'), on('القاهرة') + 7)).toEqual(exactly('القاهرة'));
    expect(snapToWords(news, on('قاهرة'), on('قاهرة') + 5)).toEqual(exactly('قاهرة'));
    expect(snapToWords(news, on("Japan's"), on("Japan's") + 5)).toEqual(exactly('Japan'));
    expect(snapToWords(news, on('Japan’s'), on('Japan’s') + 5)).toEqual(exactly('Japan', on('Japan’s')));
    // Past the word: a stem and the words after it.
    expect(snapToWords(news, on('واشنطن'), on('إن') + 1)).toEqual({ start: on('واشنطن'), end: on('إن') + 2 });
  });
  it('still grows a selection that cuts a word in the middle, clitics and all', () => {
    const news = "قالت لواشنطن وبالقاهرة إن Japan's talks";
    const on = (s: string) => news.indexOf(s);
    const whole = (s: string) => ({ start: on(s), end: on(s) + s.length });
    // After the proclitic but not to the word's end (a drag inside the word): the whole word, as before.
    expect(snapToWords(news, on('واشنطن'), on('واشنطن') + 3)).toEqual(whole('لواشنطن'));
    expect(snapToWords(news, on('واشنطن') + 1, on('واشنطن') + 6)).toEqual(whole('لواشنطن'));
    // A stem of one letter is no stem; و inside وبالقاهرة before a letter that is no proclitic's.
    expect(snapToWords(news, on('إن') + 1, on('إن') + 2)).toEqual(whole('إن'));
    expect(snapToWords(news, on('Japan') + 2, on("Japan's") + 7)).toEqual(whole("Japan's"));
    expect(snapToWords(news, on('Japan') + 2, on('Japan') + 3)).toEqual(whole("Japan's"));
    expect(snapToWords(news, on('Japan'), on("Japan's") + 6)).toEqual(whole("Japan's"));
  });
  it('gives nothing for a selection without a word', () => {
    expect(snapToWords(text, at('" و'), at('" و') + 2)).toBeNull();
  });
});

describe('speaker suggestion', () => {
  const source = 'وقال بايدن خلال مؤتمر صحفي مع كيشيدا: "نرحب بالحوار". من جانبه قال كيشيدا إن "النافذة مفتوحة".';
  const cpOf = (s: string, from = 0) => Array.from(source.slice(0, source.indexOf(s, from))).length;
  const person = (id: string, text: string, from = 0): Entity => ({
    id,
    label: 'PERSON',
    text,
    start: cpOf(text, from),
    end: cpOf(text, from) + Array.from(text).length,
  });
  const entities = [person('t1', 'بايدن'), person('t2', 'كيشيدا'), person('t3', 'كيشيدا', source.indexOf('من جانبه'))];
  const quote = (text: string) => ({ start: cpOf(text), end: cpOf(text) + Array.from(text).length });

  it('picks the person next to the nearest speech verb, with the و clitic on the verb', () => {
    expect(suggestSpeaker(source, entities, quote('نرحب بالحوار'))).toBe('t1');
    expect(suggestSpeaker(source, entities, quote('النافذة مفتوحة'))).toBe('t3');
  });

  it('knows every form of the verbs of saying the quote finder knows (one list, shared/speech-verbs.ts)', () => {
    // علّقت and ردّوا were not in the suggestion's own list; the quote finder knew them.
    const text = 'وعلقت 😀 الوزيرة هالة مراد على القرار: "سنراجع كل الطلبات". وردوا بالقول: "لن ننتظر أكثر من ذلك".';
    const at = (s: string) => Array.from(text.slice(0, text.indexOf(s))).length;
    const hala: Entity = { id: 'h', label: 'PERSON', text: 'هالة مراد', start: at('هالة'), end: at('هالة') + 9 };
    expect(suggestSpeaker(text, [hala], { start: at('سنراجع'), end: at('الطلبات') + 7 })).toBe('h');
    const ahmad = 'قال أحمد سعيد: "نرحب بكل الحلول المطروحة"، مضيفا "وسنعمل عليها".';
    const a = (s: string) => ahmad.indexOf(s);
    const p: Entity = { id: 'a', label: 'PERSON', text: 'أحمد سعيد', start: a('أحمد'), end: a('أحمد') + 9 };
    expect(suggestSpeaker(ahmad, [p], { start: a('نرحب'), end: a('المطروحة') + 8 })).toBe('a');
  });

  it('the person the text names as the speaker, not the person nearest the verb ("she added", وأضاف)', () => {
    const en = '"We will reopen," Dana Holt said after meeting Omar Reyes. "It will be slow," she added.';
    const at = (s: string) => en.indexOf(s);
    const ent = (id: string, text: string): Entity => ({
      id,
      label: 'PERSON',
      text,
      start: at(text),
      end: at(text) + text.length,
    });
    const people = [ent('dana', 'Dana Holt'), ent('omar', 'Omar Reyes')];
    expect(suggestSpeaker(en, people, { start: at('It will'), end: at('slow') + 4 })).toBe('dana');
    // Arabic, with an emoji before (offsets in code points): وأضاف بعد لقائه مع هالة مراد is still سامي فهد.
    const ar = '😀 وقال الوزير سامي فهد: "سنفتح المعابر غدا". وأضاف بعد لقائه مع هالة مراد: "لن ننتظر أكثر من ذلك".';
    const cp = (s: string) => Array.from(ar.slice(0, ar.indexOf(s))).length;
    const arEnt = (id: string, text: string): Entity => ({
      id,
      label: 'PERSON',
      text,
      start: cp(text),
      end: cp(text) + 7,
    });
    const arPeople = [arEnt('sami', 'سامي فهد'), { ...arEnt('hala', 'هالة مراد'), end: cp('هالة مراد') + 9 }];
    arPeople[0].end = cp('سامي فهد') + 8;
    expect(suggestSpeaker(ar, arPeople, { start: cp('لن ننتظر'), end: cp('ذلك') + 3 })).toBe('sami');
  });

  it('finds an English speaker after the quote, and nobody without a speech verb', () => {
    const en = '"The window is open," said Fumio Kishida.';
    const kishida: Entity = {
      id: 't1',
      label: 'PERSON',
      text: 'Fumio Kishida',
      start: en.indexOf('Fumio'),
      end: en.indexOf('Fumio') + 13,
    };
    expect(suggestSpeaker(en, [kishida], { start: 1, end: 19 })).toBe('t1');
    expect(
      suggestSpeaker('Fumio Kishida. "Open."', [{ ...kishida, start: 0, end: 13 }], { start: 16, end: 20 }),
    ).toBeNull();
  });
});
