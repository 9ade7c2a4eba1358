// Bylines and datelines on their own line: "By Jane Doe and John Smith, Reuters",
// "Reporting by …; Editing by …", "كتب: محمد أحمد", "بقلم …", "أبوظبي - سكاي نيوز عربية",
// a correspondent's title line and the name line above it.

import { alternation, endsWithFullStop, wordCount } from './line-shape';
import { NEWS_AGENCIES } from './news-outlets';
import { WEEKDAYS } from './news-date';
import { defineRule, type SourceLine } from './rule';
import type { SuggestedEdit } from '../api';

const name = "[A-Z][\\p{L}'’.-]*";
const englishBy = new RegExp(
  `^\\s*(?:[Bb]y|BY|[Ww]ritten [Bb]y|[Ww]ords [Bb]y|[Ss]tory [Bb]y)\\s+(${name})\\s+(?:(?:de|van|von|al|el|bin|ibn|da|di|le|la)\\s+)?(${name})`,
  'u',
);
const credits =
  /^\s*(?:\(?\s*(?:additional )?(?:reporting|writing|editing|compiled|edited|written|produced|research|additional reporting|graphics|video|interview|translation|translated) by\b)/iu;
// "CNN’s Rafael Romo contributed to this report.", "ساهم في إعداد التقرير …"
const contributed =
  /(?:contributed (?:to )?(?:this|the) (?:report|story|article|reporting)|contributed reporting|contributed\.$|ساهم(?:ت)? في (?:إعداد|كتابة) (?:هذا )?(?:التقرير|الخبر|المقال)|شارك(?:ت)? في (?:إعداد|كتابة) (?:هذا )?(?:التقرير|الخبر))/iu;
// WordPress and blogs: "Posted on March 3, 2024 by Sarah Mitchell".
const postedBy = new RegExp(
  `^\\s*(?:[Pp]osted|[Pp]ublished|[Ww]ritten|[Uu]pdated)(?:\\s+(?:on|at)\\s+[^\\n]{3,40}?)?\\s+by\\s+${name}`,
  'u',
);
const notAName = new RegExp(
  `^(?:${alternation([...WEEKDAYS, 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'The', 'Then', 'Now', 'Law', 'Contrast', 'Comparison', 'Far', 'Early', 'Late'])})\\b`,
  'u',
);
const arabicBy =
  /^\s*(?:كتب|كتبت|بقلم|إعداد|اعداد|تحرير|ترجمة|متابعة|تقرير|إشراف|اشراف|حوار|مراسل|مراسلة|من|المحرر|محرر)\s*[:：\-–—]\s*\S/u;
const arabicByBare = /^\s*(?:بقلم|كتب|كتبت|بقلم الكاتب|بقلم الكاتبة)\s+\S/u;
const outlets = alternation(NEWS_AGENCIES);
// The separator may be a dash drawn with tatweel ("بيروت ـ العربي الجديد"), or a colon before an outlet in
// guillemets ("دبي: «الخليج»"; "المصدر: RT Arabic" is the source line's).
const dateline = new RegExp(
  `^\\s*(?:[\\p{L}\\s.'’-]{2,30}?(?:\\s*\\/\\s*[\\p{L}\\s.'’-]{2,30}?)?\\s*(?:[-–—/|(]|\\sـ+|:(?=\\s*«))\\s*(?:${outlets})\\s*\\)?|` +
    `(?:${outlets})\\s*(?:[,،|\\-–—]|\\sـ+)\\s*[\\p{L}\\s.'’-]{2,30}|(?:[Bb]y|BY|من)\\s+(?:${outlets}))\\s*$`,
  'u',
);
const jobTitle =
  /^\s*(?:(?:[A-Z][a-z]+|BBC|US|UK|Middle East|Senior|Chief|International|Political|Security|Diplomatic|Economics|Business|Defence|Health|Science|Technology|Arab Affairs|Foreign)\s+){0,4}(?:correspondent|editor|reporter|analyst|writer|producer|contributor)(?:[,|]\s*.{0,40})?\s*$/iu;
const leadDateline = /^\s*[\p{L}\p{N}.'’ -]{2,25}?\s*(?::|\/|\s[-–—]|[-–—]\s)\s*[«"“(]?[\p{L}.'’ -]{2,30}[»"”)]?\s*$/u;
const personName = /^\s*[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’.-]+){1,3}\s*$/u;
const arabicJobTitle = /^\s*(?:مراسل|مراسلة|محرر|محررة|كاتب|كاتبة|صحفي|صحفية|مدير مكتب)\s+\S+(?:\s+\S+){0,4}\s*$/u;

export function isBylineLine(line: string): boolean {
  const t = line.trim();
  const n = wordCount(t);
  if (n === 0) return false;
  if (credits.test(t) && n <= 40) return true;
  if (n > 16) return false;
  const by = englishBy.exec(t);
  if (by && !notAName.test(by[1]) && !endsWithFullStop(t.replace(/\b[A-Z]\.$/u, ''))) return true;
  if (postedBy.test(t) && !endsWithFullStop(t)) return true;
  if (/^\s*(?:reporting|reported) from\s+\S/iu.test(t) && n <= 8 && !endsWithFullStop(t)) return true;
  if (contributed.test(t) && n <= 25) return true;
  if ((arabicBy.test(t) && n <= 10) || (arabicByBare.test(t) && n <= 5 && !/[.،]$/u.test(t))) return true;
  if (dateline.test(t) && n <= 7) return true;
  if (arabicJobTitle.test(t) && n <= 6 && !/[.،:]/u.test(t)) return true;
  if (/^\s*(?:follow|متابعة)\s*$/iu.test(t)) return false;
  if (jobTitle.test(t) && n <= 8 && !endsWithFullStop(t)) return true;
  return false;
}

export const byline = defineRule({
  id: 'byline',
  description: { key: 'rule.byline' },
  language: 'any',
  detect(_text, ctx) {
    const out: SuggestedEdit[] = [];
    const lines: readonly SourceLine[] = ctx.lines;
    for (let i = 0; i < lines.length; i++) {
      const t = lines[i].text;
      const next = lines[i + 1]?.text ?? '';
      // The author's name above a "Follow" button (Medium, Substack).
      const nameAboveFollow = personName.test(t) && /^\s*(?:follow|متابعة)\s*$/iu.test(next);
      // "NEWS PROVIDED BY" with the company on the next line (press releases).
      if (
        /^\s*(?:news provided by|provided by|distributed by)\s*:?\s*$/iu.test(t) &&
        next.trim().length > 0 &&
        wordCount(next) <= 6
      ) {
        out.push(ctx.suggestLines(lines[i], lines[i + 1], 'byline'));
        i++;
        continue;
      }
      // "دبي: «الخليج»", "القاهرة - أ ش أ": a dateline among the first lines under the title.
      const lead = i > 0 && i <= 6 && leadDateline.test(t) && wordCount(t) <= 5 && !endsWithFullStop(t);
      if (nameAboveFollow || lead) {
        out.push(ctx.suggestLines(lines[i], lines[i], 'byline'));
        continue;
      }
      if (!isBylineLine(t)) continue;
      // "Jane Doe\nBBC News, Washington" / "محمد أحمد\nمراسل الجزيرة": the name above a title line goes too.
      const titleLine = jobTitle.test(t) || arabicJobTitle.test(t) || /^\s*(?:BBC|CNN|Reuters|Sky) News/u.test(t);
      const above = i > 0 ? lines[i - 1] : undefined;
      const first =
        titleLine &&
        above &&
        (personName.test(above.text) ||
          (wordCount(above.text) <= 3 &&
            !/[.:،]/u.test(above.text) &&
            /[\u0621-\u064A]/u.test(above.text) &&
            arabicJobTitle.test(t)))
          ? above
          : lines[i];
      out.push(ctx.suggestLines(first, lines[i], 'byline'));
    }
    return out;
  },
});
