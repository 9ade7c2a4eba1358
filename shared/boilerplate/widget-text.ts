// Page furniture that leaked into the text as words: gallery buttons ("Slideshow (15 Images)",
// "View gallery", "عرض الصور"), pull-quote widgets ("Tweet Share … Quote icon"), video player
// leftovers ("Replay video", "Up next", a lone "شاهد الفيديو" or "WATCH:"), and the labels of a chart or
// map flattened into one line.
// A chart's labels are printed twice over (the picture and its accessible text), mostly numbers
// and short labels, with no sentence in them: that is what is matched, not a line with figures.

import { endsWithFullStop, wordCount, words } from './line-shape';
import { defineRule } from './rule';

const gallery =
  /^[\s\u00A0]*(?:slideshow|gallery|photo gallery|photos|images|view gallery|view (?:all )?\d+ (?:photos|images)|see (?:all )?\d+ (?:photos|images)|open gallery|expand|enlarge this image|عرض الصور|معرض الصور|ألبوم الصور|شاهد الصور)\s*(?:\(\s*\d+\s*(?:images?|photos?|pictures?|صور|صورة)?\s*\)|\d+\s*(?:images?|photos?|صور|صورة))?[\s\u00A0]*$/iu;
const galleryNeedsCount = /^[\s\u00A0]*(?:slideshow|gallery|photos|images)\s*$/iu;
const pullQuote = /^[\s\u00A0]*(?:tweet\s+share|share\s+tweet)\b.*\bquote icon\s*$|^[\s\u00A0]*quote icon\b/iu;
const player =
  /^[\s\u00A0]*(?:replay(?: video)?|play video|watch video|now playing|video (?:player|unavailable)|your browser does not support (?:the )?(?:video|audio)(?: (?:tag|element))?\.?|mute|unmute|fullscreen|إعادة التشغيل|تشغيل الفيديو|مشاهدة الفيديو)[\s\u00A0]*$/iu;
/**
 * A video embed's label left alone on its line once the player is gone: "شاهد الفيديو", "شاهد:",
 * "بالفيديو", "Watch:", "WATCH:", "Watch the video". A sentence that says so ends in a full stop or
 * goes on ("شاهد الفيديو الذي نشرته الوزارة"); the label is these words and nothing else.
 */
const videoLabel = new RegExp(
  String.raw`^[\s\u00A0]*(?:(?:شاهد|شاهدوا)(?:\s+(?:الفيديو|بالفيديو|الفيديو التالي))?|بالفيديو|فيديو|الفيديو|` +
    String.raw`watch(?: the)? video|watch)[\s\u00A0]*(?::|：)?[\s\u00A0]*$`,
  'iu',
);
const videoLabelNeedsColon = /^[\s\u00A0]*(?:فيديو|الفيديو|watch)[\s\u00A0]*$/iu;

export function isVideoLabelLine(line: string): boolean {
  return videoLabel.test(line) && !videoLabelNeedsColon.test(line);
}

/** A long line whose first words come again later in it, made mostly of numbers and labels. */
export function isChartLabelLine(line: string): boolean {
  if (line.length < 80) return false;
  const ws = words(line);
  if (ws.length < 20) return false;
  const head = ws.slice(0, 4).join(' ');
  const again = line.indexOf(head, line.indexOf(head) + head.length);
  if (again < 0) return false;
  const numeric = ws.filter((w) => /\d/u.test(w)).length / ws.length;
  // A sentence has a full stop followed by a capital somewhere, or ends with one.
  const sentences = (line.match(/[a-z\u0621-\u064A]{3,}[.!?]\s+[A-Z\u0621-\u064A]/gu) ?? []).length;
  return numeric >= 0.12 && sentences === 0 && !endsWithFullStop(line);
}

export function isWidgetLine(line: string): boolean {
  if (gallery.test(line) && !galleryNeedsCount.test(line)) return true;
  return (
    (pullQuote.test(line) && wordCount(line) <= 80) ||
    player.test(line) ||
    isVideoLabelLine(line) ||
    isChartLabelLine(line)
  );
}

export const widgetText = defineRule({
  id: 'widget',
  description: { key: 'rule.widget' },
  language: 'any',
  detect(_text, ctx) {
    return ctx.lines.filter((l) => isWidgetLine(l.text)).map((l) => ctx.suggestLines(l, l, 'widget'));
  },
});
