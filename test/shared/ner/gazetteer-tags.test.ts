// gazetteerTags reads only the keys as long as the gazetteer's longest name from each first word (perf53): the same
// tags as building every key of one to six words at every token and looking each up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenStem } from '../../../shared/ner/features';
import { gazetteerTags, nameKey, type Gazetteer } from '../../../shared/ner/gazetteer';

/** gazetteerTags as it was: every key of 1 to 6 words from each token, longest first. */
function everyKey(tokens: readonly string[], gazetteer: Gazetteer): string[] {
  const stems = tokens.map(tokenStem);
  const out = tokens.map(() => '');
  for (let i = 0; i < stems.length;) {
    let found = 0;
    let label = '';
    const keys = [stems[i]];
    for (let n = 1; n < Math.min(6, stems.length - i); n++) keys.push(`${keys[n - 1]} ${stems[i + n]}`);
    for (let n = keys.length; n >= 1; n--) {
      const hit = gazetteer.names.get(keys[n - 1]);
      if (hit) {
        found = n;
        label = hit;
        break;
      }
    }
    if (found === 0) {
      i++;
      continue;
    }
    for (let k = 0; k < found; k++) out[i + k] = `${k === 0 ? 'B' : 'I'}-${label}`;
    i += found;
  }
  return out;
}

// Words with clitics (والقاهرة and القاهرة share a stem), Latin, and tokens holding a space (a name's key is its
// stems joined by spaces, so such a token's key reads as two words).
const WORDS = [
  'القاهرة',
  'والقاهرة',
  'مصر',
  'بمصر',
  'جو',
  'بايدن',
  'الرئيس',
  'Biden',
  'Joe',
  'a b',
  'b',
  'a',
  ' ',
  'في',
];
const tokensArb = fc.array(fc.constantFrom(...WORDS), { maxLength: 14 });
const LABELS = ['PERSON', 'GPE', 'ORG'];

describe('gazetteerTags', () => {
  it('property: the tags of reading every key of one to six words, longest first', () => {
    fc.assert(
      fc.property(
        tokensArb,
        fc.array(fc.tuple(tokensArb, fc.constantFrom(...LABELS)), { maxLength: 12 }),
        fc.array(fc.tuple(tokensArb, fc.constantFrom(...LABELS)), { maxLength: 4 }),
        (tokens, names, later) => {
          const gazetteer: Gazetteer = { names: new Map() };
          for (const [name, label] of names) if (name.length > 0) gazetteer.names.set(nameKey(name.slice(0, 7)), label);
          expect(gazetteerTags(tokens, gazetteer)).toEqual(everyKey(tokens, gazetteer));
          // Names added after a lookup (a gazetteer grown, as tagSentences' second pass builds a new one) count too.
          for (const [name, label] of later) if (name.length > 0) gazetteer.names.set(nameKey(name), label);
          expect(gazetteerTags(tokens, gazetteer)).toEqual(everyKey(tokens, gazetteer));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds the longest name at a word, and none where no name starts', () => {
    const gazetteer: Gazetteer = {
      names: new Map([
        [nameKey(['جو', 'بايدن']), 'PERSON'],
        [nameKey(['مصر']), 'GPE'],
      ]),
    };
    expect(gazetteerTags(['قال', 'جو', 'بايدن', 'في', 'بمصر'], gazetteer)).toEqual([
      '',
      'B-PERSON',
      'I-PERSON',
      '',
      'B-GPE',
    ]);
  });
});
