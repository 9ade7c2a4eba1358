// Embedded social posts as scrapers flatten them: a tweet's text with its t.co link and
// the "— Name (@handle) November 6, 2024" attribution (often glued to the next sentence:
// "…2024وجاء"), Instagram's "View this post on Instagram … A post shared by …",
// BBC's "Skip twitter post … End of twitter post", TikTok's "♬ original sound - …" under its caption,
// the same embeds' words in Arabic, and bare post links.

import { wordCount } from './line-shape';
import { defineRule, scanLines, type SourceLine } from './rule';

// The embed prints the date in the page's language: "May 18, 2020", "18 مايو 2020", "١٨ أيار ٢٠٢٠".
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|' +
  'يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول)\\.?';
const D = '[0-9\\u0660-\\u0669]';
const attribution = new RegExp(
  `^\\s*[—–-]\\s*[^\\n()]{0,80}\\(@\\w{1,30}\\)\\s*(?:${MONTH}\\s+${D}{1,2}،?,?\\s*${D}{4}|${D}{1,2}\\s+${MONTH}،?\\s+${D}{4})?`,
  'u',
);
/** The attribution closing a line that holds the post's text: "… pic.twitter.com/x — Name (@handle) May 18, 2020". */
const attributionAtEnd = new RegExp(
  `\\s[—–-]{1,2}\\s*[^\\n()—–]{1,80}\\(@\\w{1,30}\\)\\s*(?:${MONTH}\\s+${D}{1,2}،?,?\\s*${D}{4}|${D}{1,2}\\s+${MONTH}،?\\s+${D}{4})\\s*$`,
  'u',
);
const postLink =
  /(?:https?:\/\/)?(?:t\.co|pic\.twitter\.com|twitter\.com|x\.com|instagram\.com|www\.instagram\.com|youtu\.be|(?:www\.)?youtube\.com|fb\.watch|(?:www\.)?facebook\.com|(?:www\.)?tiktok\.com|bsky\.app|threads\.net)\/\S*/iu;
// "tiktok.com/@jane", or "@jane - tiktok.com/@jane": the embed's handle before its link.
const linkOnly = new RegExp(`^\\s*(?:@\\w{1,30}\\s*[-–—|:]?\\s*)?(?:${postLink.source}\\s*)+$`, 'iu');
const embedChrome =
  /^\s*(?:view this post on instagram|a post shared by .{0,80}|watch on (?:youtube|tiktok|x|twitter)|view on (?:twitter|x|instagram|threads)|(?:see|view) (?:the )?(?:original )?(?:tweet|post)|click to (?:view|play)|embedded (?:video|content)|this content is not available|allow (?:twitter|x|instagram|youtube|facebook|tiktok|google youtube) content\?|accept and continue|the bbc is not responsible for the content of external sites\.?|warning: third party content may contain adverts|content is not available)\s*$/iu;
/**
 * The same embeds in Arabic: Instagram's, Facebook's and YouTube's own words, with the handle or the date
 * they print ("تم النشر بواسطة وزارة الداخلية على حسابها." is a sentence).
 */
const arabicEmbedChrome = new RegExp(
  String.raw`^\s*(?:عرض هذا المنشور على \S+|تمت مشاركة منشور بواسطة .{1,80}\(@\w{1,30}\)\S*|` +
    String.raw`تم النشر بواسطة .{1,60} في [^.\n]{0,20}[0-9\u0660-\u0669]{1,2}[^.\n]{1,20}[0-9\u0660-\u0669]{4}|` +
    String.raw`(?:ال)?مشاهدة على (?:youtube|يوتيوب)|شاهد على (?:youtube|يوتيوب))\s*$`,
  'iu',
);
const skipStart =
  /^\s*skip (twitter|x|instagram|youtube|facebook|tiktok|bluesky|threads) (?:post|content|video)(?: \d+)?(?: by .{1,60})?\s*$/iu;
const skipEnd =
  /^\s*end of (twitter|x|instagram|youtube|facebook|tiktok|bluesky|threads) (?:post|content|video)(?: \d+)?(?: by .{1,60})?\s*$/iu;

/**
 * A TikTok embed's sound line, "♬ original sound - Jane Smith" ("♬ الصوت الأصلي - …"), alone or closing
 * the post's caption: the note sign is TikTok's, no sentence of an article carries it.
 */
const tiktokSound = /♬\s*\S/u;
/** The lines above a TikTok sound line that belong to its embed: the "@handle" alone, the caption with hashtags. */
const tiktokAbove = /^\s*@\w{1,30}\s*$|(?:^|\s)#[\p{L}\p{N}_]+/u;

export function isEmbedChromeLine(line: string): boolean {
  return (
    embedChrome.test(line) ||
    arabicEmbedChrome.test(line) ||
    linkOnly.test(line) ||
    skipStart.test(line) ||
    skipEnd.test(line)
  );
}

/** Index of the line closing an embed block opened at `i` (BBC skip/end, Instagram), or -1. */
function embedBlockEnd(lines: readonly SourceLine[], i: number): number {
  const skip = skipStart.exec(lines[i].text);
  if (skip) {
    for (let j = i + 1; j < lines.length && j <= i + 12; j++) {
      const end = skipEnd.exec(lines[j].text);
      if (end && end[1].toLowerCase() === skip[1].toLowerCase()) return j;
    }
  }
  if (/^\s*(?:view this post on instagram|عرض هذا المنشور على \S+)\s*$/iu.test(lines[i].text)) {
    for (let j = i + 1; j < lines.length && j <= i + 8; j++)
      if (/^\s*(?:a post shared by|تمت مشاركة منشور بواسطة)/iu.test(lines[j].text)) return j;
  }
  // "@jane" / "caption #tag" / "♬ original sound - Jane": the handle and caption lines go with the sound line.
  if (tiktokAbove.test(lines[i].text) && wordCount(lines[i].text) <= 60) {
    for (let j = i + 1; j < lines.length && j <= i + 2; j++) {
      if (tiktokSound.test(lines[j].text) && wordCount(lines[j].text) <= 60) return j;
      if (!tiktokAbove.test(lines[j].text)) break;
    }
  }
  return -1;
}

export const socialEmbed = defineRule({
  id: 'social-embed',
  description: { key: 'rule.social-embed' },
  language: 'any',
  detect(_text, ctx) {
    const lines = ctx.lines;
    return scanLines(ctx, (i) => {
      const line = lines[i];
      const blockEnd = embedBlockEnd(lines, i);
      if (blockEnd >= 0) return { edit: ctx.suggestLines(line, lines[blockEnd], 'social-embed'), last: blockEnd };
      const a = attribution.exec(line.text);
      if (a) {
        // The post's text is the line above when it carries a post link, a handle or hashtags.
        const above = i > 0 ? lines[i - 1] : undefined;
        const withText =
          above && above.text.trim().length > 0 && (postLink.test(above.text) || /(?:^|\s)[@#]\w/u.test(above.text));
        const start = withText ? above.start : line.start;
        // Text glued after the date ("…2024وجاء") is the article resuming: it stays.
        const end = line.text.slice(a[0].length).trim().length === 0 ? line.next : line.start + a[0].length;
        return { edit: ctx.suggest(start, end, 'boilerplate', 'social-embed'), last: i };
      }
      // The whole line is the embed (its text, then the attribution with its date), or embed chrome.
      const wholeLine =
        (attributionAtEnd.test(line.text) && line.text.split(/\s+/u).length <= 90) ||
        isEmbedChromeLine(line.text) ||
        (tiktokSound.test(line.text) && wordCount(line.text) <= 60);
      return wholeLine ? { edit: ctx.suggestLines(line, line, 'social-embed'), last: i } : undefined;
    });
  },
});
