// `tahrir quote-eval` as a user runs it: a real process on a made-up corpus written here, its
// report and its errors; and, when ../shared/corpus is present, the quote finder on the hand-
// labelled gold (test/gold/quotes.json): each half must keep the figures reached on it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempFolder, writeFiles } from '../temp-folder';
import { useCliBundle } from './cli-bundle';

vi.setConfig({ testTimeout: 120_000 });
const tahrir = useCliBundle();

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
/** Code-point span of the first `part` of `text` (after `after`). */
function span(text: string, part: string, after = 0) {
  const at = text.indexOf(part, after);
  if (at < 0) throw new Error(`no ${part}`);
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(part).length };
}

const AR = '😀 وقال وزير المالية سالم ناصر إن "الميزانية ستعلن الأسبوع المقبل بلا عجز". وأكد أن الرواتب لن تتأخر أبدا.';
const EN = '"We will reopen the border on Monday," Dana Holt said. Officials say the queues will be short.';

function gold(arText = AR) {
  return {
    articles: [
      {
        file: 'ar/one.txt',
        lang: 'ar',
        half: 'dev',
        sha256: sha(arText),
        quotes: [
          { ...span(AR, 'الميزانية ستعلن الأسبوع المقبل بلا عجز'), kind: 'direct', speaker: span(AR, 'سالم ناصر') },
          { ...span(AR, 'الرواتب لن تتأخر أبدا'), kind: 'indirect', speaker: span(AR, 'سالم ناصر') },
        ],
      },
      {
        file: 'en/one.txt',
        lang: 'en',
        half: 'test',
        sha256: sha(EN),
        quotes: [
          { ...span(EN, 'We will reopen the border on Monday,'), kind: 'direct', speaker: span(EN, 'Dana Holt') },
          { ...span(EN, 'the queues will be short'), kind: 'indirect', speaker: span(EN, 'Officials') },
        ],
      },
    ],
  };
}

describe('tahrir quote-eval', () => {
  it('scores the finder per language and kind, with the speakers of the direct quotes found', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'corpus/ar/one.txt': AR, 'corpus/en/one.txt': EN, 'gold.json': JSON.stringify(gold()) });
    const r = await tahrir(['quote-eval', '--gold', 'gold.json', '--corpus', 'corpus'], root);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.split('\n')).toEqual([
      '2 articles (all), quotes matched at 50% overlap',
      'ar direct   P=1.000 R=1.000 F1=1.000  (gold 1, predicted 1, correct 1)',
      'ar indirect P=1.000 R=1.000 F1=1.000  (gold 1, predicted 1, correct 1)',
      'en direct   P=1.000 R=1.000 F1=1.000  (gold 1, predicted 1, correct 1)',
      'en indirect P=1.000 R=1.000 F1=1.000  (gold 1, predicted 1, correct 1)',
      'ar speaker  right for 1 of 1 direct quotes found (1.000)',
      'en speaker  right for 1 of 1 direct quotes found (1.000)',
      '',
    ]);
    const half = await tahrir(
      ['quote-eval', '--gold', 'gold.json', '--corpus', 'corpus', '--half', 'test', '--json'],
      root,
    );
    const json = JSON.parse(half.stdout);
    expect(json.articles).toBe(1);
    expect(json.rows.map((x: { lang: string }) => x.lang)).toEqual(['en', 'en']);
  });

  it('bad input: one line naming the file and what is wrong; exit 1 for data, 2 for usage', async () => {
    const root = await tempFolder();
    const bad = gold();
    bad.articles[1].quotes[0].kind = 'said';
    await writeFiles(root, {
      'corpus/ar/one.txt': AR,
      'corpus/en/one.txt': EN,
      'changed.json': JSON.stringify(gold(AR + ' ')),
      'bad.json': JSON.stringify(bad),
      'text.json': '{"articles": [',
    });
    const cases: [string[], number, RegExp][] = [
      [['--gold', 'nope.json'], 1, /^tahrir quote-eval: nope\.json: no such file\n$/u],
      [['--gold', 'text.json'], 1, /^tahrir quote-eval: text\.json: not JSON/u],
      [
        ['--gold', 'bad.json', '--corpus', 'corpus'],
        1,
        /bad\.json: article 2 \(en\/one\.txt\) quote 1: needs start < end/u,
      ],
      [['--gold', 'changed.json', '--corpus', 'corpus'], 1, /ar\/one\.txt: its bytes are not the ones labelled/u],
      [['--gold', 'changed.json', '--corpus', 'elsewhere'], 1, /elsewhere\/ar\/one\.txt: no such file/u],
      [['--corpus', 'corpus'], 2, /--gold is needed/u],
      [['--gold', 'bad.json', '--half', 'train'], 2, /--half must be dev, dev2 … dev44, test or all \(got train\)/u],
    ];
    for (const [args, code, message] of cases) {
      const r = await tahrir(['quote-eval', ...args], root);
      expect([r.code, r.stdout]).toEqual([code, '']);
      expect(r.stderr).toMatch(message);
    }
  });
});

const ROOT = resolve(__dirname, '../../..');
const CORPUS = resolve(ROOT, '../shared/corpus/news');
const GOLD = join(ROOT, 'test/gold/quotes.json');

describe('the quote gold (test/gold/quotes.json)', () => {
  it('holds offsets, kinds and sha256 only: no text from the articles', () => {
    const g = JSON.parse(readFileSync(GOLD, 'utf8'));
    expect(g.articles.length).toBeGreaterThanOrEqual(60);
    for (const a of g.articles) {
      expect(Object.keys(a).sort()).toEqual(['file', 'half', 'lang', 'quotes', 'sha256']);
      for (const q of a.quotes) {
        expect(Object.keys(q).sort()).toEqual(['end', 'kind', 'speaker', 'start']);
        if (q.speaker) expect(Object.keys(q.speaker).sort()).toEqual(['end', 'start']);
      }
    }
  });

  // The figures the finder reached, less a margin: a change that loses them fails. The finder was
  // developed on the dev half, and its speaker rules on dev + dev2 + dev3 (20 + 20 articles labelled
  // later, so rules fitted to dev show there); the test half is scored as it is, and holds issue
  // 17's goals (direct F1 ≥ 0.90 Arabic, ≥ 0.97 English; indirect ≥ 0.60 Arabic, English no lower
  // than the 0.76 it had). Its speakers, 0.700 Arabic (21 of 30) and 0.760 English (19 of 25) after
  // the speaker rules of dev3 (0.667 and 0.760 before), are short of the 0.80 goal: floors only.
  // dev2's Arabic direct quotes (0.84) are below the goal too: floors only. dev3 after the rules:
  // speakers 0.889 Arabic (8 of 9), 0.975 English (0.667, 0.950 before); indirect 0.63, 0.64.
  // dev4 (20 articles, issue 17's speaker work) was scored on the rules before it, unseen: speakers
  // 0.857 Arabic (18 of 21), 0.279 English (12 of 43: pull quotes over obituaries, which name no
  // one, took the last entry's speaker); after the rules written from its errors 1.000 and 0.884.
  // Those rules left the test half at 0.667 Arabic (20 of 30, one fewer) and 0.760 English.
  // dev5 (21 articles, 9 English) scored unseen on those rules: direct F1 0.933 Arabic, 0.984 English;
  // speakers 9 of 14 and 50 of 62. The rules written from the errors of dev..dev5 (names and glosses
  // in marks, quotes over paragraphs, relative clauses, bare titles…) took it to 0.968 / 1.000 and
  // 11 of 15 / 64 of 64 (fitted), the other dev halves' English direct F1 to 0.978–1.000, and the
  // test half, scored once after them, to 21 of 25 English speakers (0.840; 20 of 30 Arabic, as before).
  // dev6 (20 articles, 16 Arabic) scored unseen on those rules: direct F1 0.789 Arabic, 1.000 English;
  // speakers 7 of 15 Arabic, 3 of 4 English. The rules written from the errors of dev..dev6 (لي and
  // لمتابعيه as the addressee, وصفها X بأنها, وقالت after a clause of its own, "was like", "the sign
  // reads") took dev6 to 10 of 15 and dev5 to 13 of 15 Arabic, dev3 to 41 of 41 English; the test half,
  // scored once after them, stayed at 20 of 30 Arabic and 21 of 25 English.
  // dev7 (20 articles, 16 Arabic, from the sites the gold drew least of) scored unseen on those rules: direct F1
  // 0.948 Arabic, 0.964 English; indirect 0.896, 0.766; speakers 43 of 55 Arabic, 24 of 27 English. The rules
  // written from its errors (a bare title is a title noun, not a family name in ال; عدم ذكر; verbs inside an
  // earlier quotation; كان X قد صرح، قائلا; a long title's name; وقال بيان; "Still, X said"; "with X explaining")
  // took it to 53 of 55 and 27 of 27 (fitted) and dev to 25 of 26 Arabic; the test half, scored once after
  // them, stayed at 20 of 30 Arabic and 21 of 25 English.
  // dev8 (20 articles, 16 Arabic, the next quote-holding files after dev7's) scored unseen on those rules: direct F1
  // 0.953 Arabic, 0.985 English; indirect 0.818, 0.810; speakers 26 of 41 Arabic, 30 of 33 English. The rules written
  // from its errors (جاء في البيان; وكان X قد + any verb, قائلا; ولم تنف X; بـ is no subject; "“…?” Lee asked Park";
  // "responded"; لكن X …; قال أؤكد; "…” closes a straight mark) took it to 36 of 41 and 34 of 34 (fitted), dev7's
  // English direct F1 to 0.982, and moved no other figure.
  // dev9 (24 articles, 19 Arabic, the next quote-holding files after dev8's) scored unseen on those rules: direct F1
  // 0.970 Arabic, 1.000 English; indirect 0.812, 0.769; speakers 47 of 80 Arabic, 42 of 48 English. The rules written
  // from its errors (a long title in ل runs on to its name; appositions; ردّ فعل; an audience after the verb; what
  // opens a sentence before its verb; «…»، وفق X; بيان صادر عن X; a bare title only for a named speaker; "…, and
  // said"; "agreed", "wonders") took it to 70 of 80 and 45 of 48 (fitted), dev8 to 37 of 41 Arabic, and moved no
  // other figure.
  // dev10 (12 articles, 10 Arabic, the next after dev9's) scored unseen on the dev9 rules: speakers 14 of 20 Arabic, 8
  // of 11 English (main's rules: 15 of 20, 8 of 11); direct F1 0.889, 1.000. The rules from its errors took it to 20
  // of 21 and 9 of 11, Arabic direct 0.913 (fitted), and moved no other figure.
  // dev11 (12 articles, 10 Arabic, the next after dev10's) scored unseen on the dev9 + dev10 rules: speakers 21 of 29
  // Arabic, 1 of 6 English (main's: 20 of 29, 1 of 6). The rules from its errors took it to 25 of 29 and 2 of 6 (fitted).
  // dev12 (20 articles, 16 Arabic, the next after dev11's) scored unseen on aef67eb: speakers 28 of 41 Arabic, 37 of 43
  // English; the rules then written from dev..dev11's errors (dev12 held out) left it there, and the test half at 22 of
  // 30 and 21 of 25.
  // dev13 (16 articles, 11 Arabic, the next after dev12's) scored unseen on 988896b: speakers 15 of 23 Arabic, 32 of
  // 38 English; direct F1 0.868, 0.974; indirect 0.684, 0.789. The generic machinery then judged on dev..dev12 (single
  // marks, verb gender) took its English direct F1 to 0.987 and speakers to 15 of 23 and 33 of 39; test did not move.
  // dev14 (12 articles, 10 Arabic, the next after dev13's) scored unseen on ca16595: Arabic direct F1 0.864, speakers
  // 26 of 35 Arabic, 4 of 4 English. The Arabic work then judged on dev..dev13 took it to 0.878 and 27 of 36.
  // dev15 (12 articles, 10 Arabic, the next after dev14's) scored unseen on 66ca4de: Arabic direct F1 0.906, speakers
  // 23 of 29 Arabic, 13 of 13 English. The candidates then widened on dev..dev14 took it to 24 of 29.
  // dev16 (12 articles, 10 Arabic, the next after dev15's) scored unseen on c677b13: Arabic direct F1 0.947, speakers
  // 27 of 36 Arabic, 13 of 17 English. The changes then judged on dev..dev15 took it to 0.962 and 28 of 38.
  // dev17 (12 articles, 10 Arabic, the next after dev16's) scored unseen on a7c0779: Arabic direct F1 0.939, speakers
  // 22 of 31 Arabic, 6 of 8 English. The speaker rules then judged on dev..dev16 left it there (dev14 32 of 37, dev15
  // 29 of 31, dev16 34 of 38 Arabic after them).
  // dev18 (12 articles, 10 Arabic, the next after dev17's) scored unseen on 787cb81: Arabic direct F1 0.967, indirect
  // 0.857, speakers 23 of 29 Arabic, 8 of 10 English. The adjunct rules then judged on dev..dev16 left it there and took
  // dev17 to 27 of 31 Arabic (rules that follow its error list, read last stop: no unseen figure).
  // dev19 (12 articles, 10 Arabic, the next after dev18's) scored unseen on f532b96: Arabic direct F1 0.971, indirect
  // 0.742, speakers 26 of 33 Arabic, 7 of 7 English. The title read whole to its name then took dev18 to 26 of 29 and
  // dev19 to 28 of 33 Arabic (the lead named dev18's errors; neither is an unseen figure for it).
  // dev20 (12 articles, 10 Arabic, the next after dev19's) scored unseen on 77a56af: Arabic direct F1 0.914, indirect
  // 0.825, speakers 29 of 37 Arabic, 5 of 5 English. The subject before its verb after لكن / إلا أن and وفقا لـ read as
  // an attribution (judged on dev..dev16) took it to 32 of 37 (not unseen: its errors were read) and test to 26 of 31.
  // dev21 (12 articles, 10 Arabic, the next after dev20's) scored unseen on 3b3d7cd: Arabic direct F1 0.982, indirect
  // 0.704, speakers 26 of 28 Arabic, 8 of 8 English. The name in apposition after a role and the feminine titles
  // (judged on dev..dev16) took it to 27 of 28 (not unseen: its errors were read); test stayed at 26 of 31.
  // dev22 (12 articles, 10 Arabic, the next after dev21's) scored unseen on 22044bc: Arabic direct F1 0.894, indirect
  // 0.765, speakers 15 of 21 Arabic, 20 of 22 English. A rank, its name, then a role between commas and «…»، حسبما
  // نقلت X (judged on dev..dev16, where no read moved) took it to 18 of 21 (not unseen: its errors were read).
  // dev23 (13 articles, 11 Arabic, the next after dev22's) scored unseen on 062310e: Arabic direct F1 0.930, indirect
  // 0.788, speakers 26 of 40 Arabic, 4 of 6 English. NAME، ROLE، الذي قال, a time before the colon and masculine bodies'
  // and texts' nouns (dev..dev16 unchanged) took it to 31 of 40 (not unseen: its errors were read).
  // dev24 (12 articles, 10 Arabic, the next after dev23's) scored unseen on 65abe4e: Arabic direct F1 0.941, indirect
  // 0.826, speakers 20 of 24 Arabic, 5 of 6 English. Whom it was said to in ل on إحدى / a medium and a relation's
  // one-word name between commas (dev..dev16 unchanged) took it to 22 of 24 (not unseen: its errors were read).
  // dev25 (12 articles, 10 Arabic, the next after dev24's) scored unseen on a77111f: Arabic direct F1 0.943, indirect
  // 0.843, speakers 36 of 41 Arabic, 3 of 4 English.
  // dev26 (12 articles, 10 Arabic, the next after dev25's) scored unseen on 570512a: Arabic direct F1 0.933, indirect
  // 0.667, speakers 27 of 35 Arabic, 2 of 2 English. The protagonist named after a verb as a mention (judged on
  // dev..dev16: dev16 34 → 36 of 38) moved no other half.
  // dev27 (12 articles, 10 Arabic, the next after dev26's) scored unseen on 1306073: Arabic direct F1 0.946, indirect
  // 0.792, speakers 16 of 35 Arabic (an interview of 17 quotes after تقول / قالت with no subject), 1 of 2 English. A
  // line opening with its subject before a verb in the present, a relative clause on an opening name, يبلغ no verb of
  // saying and no mention read inside a quotation (judged on dev..dev16: speakers unchanged, dev2 and dev7 indirect and
  // dev15 direct F1 up) took it to 26 of 35 (not unseen: its errors were read), dev17 to 28 of 31, dev19 to 31 of 33.
  // dev28 (12 articles, 10 Arabic, the next after dev27's) scored unseen on 649cc2b: Arabic direct F1 0.933, indirect
  // 0.806, speakers 24 of 28 Arabic, 6 of 7 English. كذلك a particle before the verb and a quotation alone at a
  // paragraph's start as the words of the name the text writes most (judged on dev..dev16: unchanged) took it to 25 of
  // 28 and dev27 to 29 of 35 (not unseen: their errors were read).
  // dev29 (12 articles, 10 Arabic, the next after dev28's) scored unseen on 421231b: Arabic direct F1 0.925, indirect
  // 0.744, speakers 21 of 31 Arabic, 9 of 10 English. A role's name in apposition after a name in marks, a concession
  // before the verb, a relay (حسبما نقل عنه), هكذا after the quote, an event that comes (وتأتي X) and a joined verb no
  // name (judged on dev..dev16: unchanged) took it to 25 of 31 (not unseen: its errors were read), test to 27 of 31.
  // dev30 (12 articles, 10 Arabic, the next after dev29's) scored unseen on 421231b: Arabic direct F1 0.952, indirect
  // 0.756, speakers 36 of 40 Arabic, 15 of 17 English. A verb of saying before the quote over a وفقا after it, كما
  // a particle, a link's headline no one's here, وفقا لما جاء في X, لكنها, an Arabic participle's subject heard and
  // a name's lower-case particles (judged on dev..dev16: dev12 36 → 38 of 43) took it to 39 of 40 and 17 of 17 (not
  // unseen: its errors were read).
  // dev31 (10 articles, English only, the next after dev30's) scored unseen on 421231b: English direct F1 0.971 (68 of
  // 70, 70 predicted), indirect 0.851, speakers 57 of 68. The English direct rules then written from the errors of
  // dev14..dev28 and dev31 (marks, headings, names, cues; judged on dev..dev13: none fell) took English direct to 1.000
  // on dev15, dev19, dev21, dev22, dev24, dev25, 0.800 on dev28 and 0.993 on dev31; the quotes they found have wrong
  // speakers more often, so some English speaker figures fell while the speakers right did not (dev15 13 → 14 of 15,
  // dev21 8 of 8 → 8 of 10, dev25 3 of 4 → 3 of 5, dev28 6 of 7 → 6 of 8): those floors are lower.
  // dev32 (10 articles, Arabic only, the next after dev30's) scored unseen on 1889319, the rules of this stop (written
  // from dev..dev31) on articles none of them was written from: Arabic direct F1 0.988 (40 of 41, 40 predicted),
  // indirect 0.780 (32 of 46, 36 predicted), speakers 36 of 40. No rule was written from it.
  // dev33 (10 articles, English only, the next after dev31's) scored unseen once on 1889319, the rules of the stop that
  // wrote ~20 rules from dev..dev31 (none of which changed a read of dev33's files since 421231b): English direct F1
  // 0.990 (99 of 101, 99 predicted), indirect 0.639 (31 of 53, 44 predicted), speakers 89 of 99. No rule was written
  // from it.
  // dev36 (10 articles, Arabic only, the next after dev33's) scored unseen once on ac1d892, the finder of stop 50
  // (e05c632's rules) on articles none of its rules was written from: Arabic direct F1 0.962 (25 of 27, 25 predicted),
  // indirect 0.706 (24 of 37, 31 predicted), speakers 18 of 25. No rule was written from it.
  // dev41 (10 articles, Arabic only, bbc-arabic and cnn-arabic, after dev37's; all ten labelled whole) scored unseen
  // once on ac1d892: Arabic direct F1 0.967 (44 of 47, 44 predicted), indirect 0.679 (18 of 32, 21 predicted), speakers
  // 37 of 44. No rule was written from it.
  // dev34 (10 articles, Arabic only, the next after dev32's) scored unseen once on e05c632's rules (unchanged in
  // ac1d892), none of them written from it: Arabic direct F1 0.929 (65 of 72, 68 predicted), indirect 0.771 (32 of 49,
  // 34 predicted), speakers 41 of 65 (8 of the 24 wrong name the same man by his title). No rule was written from it.
  // dev39 (10 articles, Arabic only, the next after dev37's), scored unseen once on the same rules: Arabic direct F1
  // 0.943 (33 of 35, 35 predicted), indirect 0.761 (43 of 63, 50 predicted), speakers 30 of 33. No rule was written
  // from it (56d709a's rule, older, names one sentence of bbc-arabic-128, seen in a corpus-wide diff).
  // dev35 (10 articles, Arabic only, the next quote-holding files after dev33's; drawn with dev34..dev37) scored unseen
  // once on ac1d892 (main's rules of e05c632, none written from a dev35 file): Arabic direct F1 0.937 (37 of 39, 40
  // predicted), indirect 0.626 (31 of 62, 37 predicted), speakers 33 of 37. No rule was written from it.
  // dev40 (10 articles, Arabic only, the next quote-holding files after dev39's; all ten labelled whole) scored unseen
  // once on the same rules: Arabic direct F1 0.985 (65 of 66, 66 predicted), indirect 0.678 (40 of 74, 44 predicted),
  // speakers 52 of 65. No rule was written from it.
  // dev37 (10 articles, Arabic only, the next after dev33's of bbc-arabic, cnn-arabic, alarabiya and aawsat) scored
  // unseen once on ac1d892 (main's rules as of e05c632): Arabic direct F1 0.982 (54 of 55, 55 predicted), indirect
  // 0.688 (32 of 51, 42 predicted), speakers 50 of 54. No rule was written from it.
  // dev42 (10 articles, Arabic only, bbc-arabic and cnn-arabic 5 each, the next after dev41's) scored unseen once on
  // ac1d892: Arabic direct F1 0.968 (45 of 47, 46 predicted), indirect 0.655 (36 of 61, 49 predicted), speakers 32 of
  // 45. No rule was written from it.
  // dev38 (3 articles, English only, the corpus's last quote-holding English files) scored unseen once on ac1d892:
  // English direct F1 0.966 (14 of 15, 14 predicted), indirect 0.788 (13 of 19, 14 predicted), speakers 8 of 14.
  // Eight rules from dev33's and dev38's English errors (judged on dev..dev13, dev31, dev33, dev38: none fell) took
  // dev38 to 1.000, 0.857 and 14 of 15, dev33's speakers to 97 of 99 (not unseen: their errors were read).
  // Stop 50: the Arabic articles of dev..dev27 and test were relabelled for one rule of the guide, a verbal noun after
  // a verb of saying is indirect (177 quotes added by hand, found by the labellers' own word lists, never the finder;
  // dev28 on already labelled them), and the finder's rule for them (quotes32) then kept: pooled Arabic indirect on the
  // relabelled gold 0.745 -> 0.767. The 'ar indirect' floors of the 14 halves whose figure the added quotes put under
  // their old floor are set again, a little under the new figure (dev 0.95 -> 0.87, test 0.74 -> 0.71, …).
  // dev43 and dev44 (12 and 11 articles, Arabic only, the corpus's last quote-holding Arabic files), labelled blind
  // while this stop's rules were written, scored once by the lead on the merged rules (25a863a): dev43 direct F1 0.909
  // (20 of 21, 23 predicted), indirect 0.739, speakers 18 of 20; dev44 direct 0.969 (31 of 32, 32 predicted), indirect
  // 0.730, speakers 25 of 31. The finder at ac1d892 reads their direct quotes and speakers the same.
  const FLOORS: Record<string, Record<string, number>> = {
    dev: {
      'ar direct': 0.95,
      'ar indirect': 0.84,
      'en direct': 0.95,
      'en indirect': 0.89,
      'ar speaker': 0.92,
      'en speaker': 0.96,
    },
    dev2: {
      'ar direct': 0.85,
      'ar indirect': 0.6,
      'en direct': 0.97,
      'en indirect': 0.9,
      'ar speaker': 0.9,
      'en speaker': 0.97,
    },
    dev3: {
      'ar direct': 0.92,
      'ar indirect': 0.55,
      'en direct': 0.97,
      'en indirect': 0.6,
      'ar speaker': 0.86,
      'en speaker': 0.97,
    },
    dev4: {
      'ar direct': 0.97,
      'ar indirect': 0.65,
      'en direct': 0.93,
      'en indirect': 0.66,
      'ar speaker': 0.97,
      'en speaker': 0.86,
    },
    dev5: {
      'ar direct': 0.94,
      'ar indirect': 0.77,
      'en direct': 0.97,
      'en indirect': 0.75,
      'ar speaker': 0.85,
      'en speaker': 0.97,
    },
    dev6: {
      'ar direct': 0.76,
      'ar indirect': 0.66,
      'en direct': 0.97,
      'en indirect': 0.6,
      'ar speaker': 0.64,
      'en speaker': 0.72,
    },
    dev7: {
      'ar direct': 0.92,
      'ar indirect': 0.84,
      'en direct': 0.94,
      'en indirect': 0.74,
      'ar speaker': 0.93,
      'en speaker': 0.96,
    },
    dev8: {
      'ar direct': 0.92,
      'ar indirect': 0.74,
      'en direct': 0.97,
      'en indirect': 0.78,
      'ar speaker': 0.85,
      'en speaker': 0.94,
    },
    dev9: {
      'ar direct': 0.94,
      'ar indirect': 0.72,
      'en direct': 0.97,
      'en indirect': 0.74,
      'ar speaker': 0.85,
      'en speaker': 0.91,
    },
    dev10: {
      'ar direct': 0.88,
      'ar indirect': 0.69,
      'en direct': 0.97,
      'en indirect': 0.58,
      'ar speaker': 0.9,
      'en speaker': 0.78,
    },
    dev11: {
      'ar direct': 0.89,
      'ar indirect': 0.78,
      'en direct': 0.97,
      'en indirect': 0.45,
      'ar speaker': 0.82,
      'en speaker': 0.3,
    },
    dev12: {
      'ar direct': 0.9,
      'ar indirect': 0.73,
      'en direct': 0.94,
      'en indirect': 0.66,
      'ar speaker': 0.66,
      'en speaker': 0.84,
    },
    dev13: {
      'ar direct': 0.85,
      'ar indirect': 0.59,
      'en direct': 0.95,
      'en indirect': 0.77,
      'ar speaker': 0.63,
      'en speaker': 0.82,
    },
    dev14: {
      'ar direct': 0.88,
      'ar indirect': 0.72,
      'en direct': 0.95,
      'en indirect': 0.6,
      'ar speaker': 0.76,
      'en speaker': 0.95,
    },
    dev15: {
      'ar direct': 0.88,
      'ar indirect': 0.58,
      'en direct': 0.97,
      'en indirect': 0.78,
      'ar speaker': 0.8,
      'en speaker': 0.92,
    },
    dev16: {
      'ar direct': 0.92,
      'ar indirect': 0.8,
      'en direct': 0.94,
      'en indirect': 0.8,
      'ar speaker': 0.72,
      'en speaker': 0.74,
    },
    dev17: {
      'ar direct': 0.91,
      'ar indirect': 0.71,
      'en direct': 0.97,
      'en indirect': 0.88,
      'ar speaker': 0.88,
      'en speaker': 0.74,
    },
    dev18: {
      'ar direct': 0.94,
      'ar indirect': 0.82,
      'en direct': 0.97,
      'en indirect': 0.73,
      'ar speaker': 0.86,
      'en speaker': 0.77,
    },
    dev19: {
      'ar direct': 0.94,
      'ar indirect': 0.71,
      'en direct': 0.97,
      'en indirect': 0.7,
      'ar speaker': 0.91,
      'en speaker': 0.97,
    },
    dev20: {
      'ar direct': 0.9,
      'ar indirect': 0.74,
      'en direct': 0.88,
      'en indirect': 0.33,
      'ar speaker': 0.85,
      'en speaker': 0.97,
    },
    dev21: {
      'ar direct': 0.96,
      'ar indirect': 0.68,
      'en direct': 0.97,
      'en indirect': 0.68,
      'ar speaker': 0.9,
      'en speaker': 0.78,
    },
    dev22: {
      'ar direct': 0.87,
      'ar indirect': 0.74,
      'en direct': 0.97,
      'en indirect': 0.58,
      'ar speaker': 0.83,
      'en speaker': 0.88,
    },
    dev23: {
      'ar direct': 0.9,
      'ar indirect': 0.76,
      'en direct': 0.97,
      'en indirect': 0.72,
      'ar speaker': 0.75,
      'en speaker': 0.64,
    },
    dev24: {
      'ar direct': 0.92,
      'ar indirect': 0.75,
      'en direct': 0.97,
      'en indirect': 0.69,
      'ar speaker': 0.9,
      'en speaker': 0.8,
    },
    dev25: {
      'ar direct': 0.92,
      'ar indirect': 0.77,
      'en direct': 0.97,
      'en indirect': 0.78,
      'ar speaker': 0.85,
      'en speaker': 0.58,
    },
    dev26: {
      'ar direct': 0.91,
      'ar indirect': 0.64,
      'en direct': 0.97,
      'en indirect': 0.64,
      'ar speaker': 0.74,
      'en speaker': 0.97,
    },
    dev27: {
      'ar direct': 0.92,
      'ar indirect': 0.8,
      'en direct': 0.97,
      'en indirect': 0.37,
      'ar speaker': 0.8,
      'en speaker': 0.47,
    },
    dev28: {
      'ar direct': 0.91,
      'ar indirect': 0.78,
      'en direct': 0.78,
      'en indirect': 0.37,
      'ar speaker': 0.86,
      'en speaker': 0.73,
    },
    dev29: {
      'ar direct': 0.9,
      'ar indirect': 0.72,
      'en direct': 0.92,
      'en indirect': 0.43,
      'ar speaker': 0.65,
      'en speaker': 0.87,
    },
    dev30: {
      'ar direct': 0.93,
      'ar indirect': 0.73,
      'en direct': 0.97,
      'en indirect': 0.68,
      'ar speaker': 0.88,
      'en speaker': 0.85,
    },
    dev31: {
      'en direct': 0.97,
      'en indirect': 0.82,
      'en speaker': 0.81,
    },
    dev32: {
      'ar direct': 0.97,
      'ar indirect': 0.75,
      'ar speaker': 0.87,
    },
    dev33: {
      'en direct': 0.97,
      'en indirect': 0.61,
      'en speaker': 0.95,
    },
    dev38: {
      'en direct': 0.97,
      'en indirect': 0.83,
      'en speaker': 0.9,
    },
    dev36: {
      'ar direct': 0.94,
      'ar indirect': 0.68,
      'ar speaker': 0.69,
    },
    dev41: {
      'ar direct': 0.94,
      'ar indirect': 0.65,
      'ar speaker': 0.81,
    },
    dev34: {
      'ar direct': 0.9,
      'ar indirect': 0.74,
      'ar speaker': 0.6,
    },
    dev39: {
      'ar direct': 0.91,
      'ar indirect': 0.73,
      'ar speaker': 0.87,
    },
    dev35: {
      'ar direct': 0.92,
      'ar indirect': 0.6,
      'ar speaker': 0.86,
    },
    dev40: {
      'ar direct': 0.97,
      'ar indirect': 0.65,
      'ar speaker': 0.77,
    },
    dev37: {
      'ar direct': 0.96,
      'ar indirect': 0.66,
      'ar speaker': 0.9,
    },
    dev42: {
      'ar direct': 0.95,
      'ar indirect': 0.62,
      'ar speaker': 0.68,
    },
    dev43: {
      'ar direct': 0.88,
      'ar indirect': 0.71,
      'ar speaker': 0.85,
    },
    dev44: {
      'ar direct': 0.94,
      'ar indirect': 0.7,
      'ar speaker': 0.77,
    },
    test: {
      'ar direct': 0.95,
      'ar indirect': 0.71,
      'en direct': 0.97,
      'en indirect': 0.82,
      'ar speaker': 0.8,
      'en speaker': 0.8,
    },
  };

  for (const [half, floors] of Object.entries(FLOORS))
    it.skipIf(!existsSync(CORPUS))(
      `the finder on the ${half} half keeps its figures (skipped when ../shared/corpus/news is not here)`,
      async () => {
        const r = await tahrir(['quote-eval', '--gold', GOLD, '--corpus', CORPUS, '--half', half, '--json'], ROOT);
        expect(r.stderr).toBe('');
        const json = JSON.parse(r.stdout);
        const got: Record<string, number> = {};
        for (const row of json.rows) got[`${row.lang} ${row.kind}`] = row.f1;
        for (const s of json.speakers) got[`${s.lang} speaker`] = s.accuracy;
        for (const [key, floor] of Object.entries(floors))
          expect({ key, value: got[key] >= floor }).toEqual({ key, value: true });
      },
    );
});
