// The English speaker and quote rules of issue 17's last English classes (docs/QUOTE-GUIDE.md, quotes42): styles of
// English news sites we do not have (wire services, British papers, broadcasters). Made-up sentences, none from the
// corpus.
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../shared/quote-finder';
import { cpSlice } from './text-arbitraries';

/** The speakers of the quotes found in `source`, in order (direct and indirect). */
const speakers = (source: string, kind?: 'direct' | 'indirect') =>
  findQuotes(source)
    .filter((q) => !kind || q.kind === kind)
    .map((q) => q.speaker && cpSlice(source, q.speaker.start, q.speaker.end));

describe('"he said" after a sentence whose subject has an apposition', () => {
  it('NAME, an apposition in lower case, VERB …: "he said" in the next sentence is NAME’s', () => {
    const en = 'John Smith, the minister, spoke on Monday. "We will not back down on this policy," he said.';
    expect(speakers(en, 'direct')).toEqual(['John Smith']);
    const longer = 'Mary Jones, a professor at Yale, spoke to the crowd. “We will keep on fighting,” she said.';
    expect(speakers(longer, 'direct')).toEqual(['Mary Jones']);
  });

  it('The TITLE …, NAME, VERB …: the name in the apposition', () => {
    const en = 'The head of the agency, John Smith, spoke on Monday. "We will not back down on this policy," he said.';
    expect(speakers(en, 'direct')).toEqual(['John Smith']);
    const mayor = 'The mayor, John Park, spoke at length. “We will keep on fighting,” he said.';
    expect(speakers(mayor, 'direct')).toEqual(['John Park']);
  });

  it('not a list: "NAME, the minister, and …" names no subject of its own', () => {
    const en =
      'Ann Lee said the talks were over. John Smith, the minister, and his deputy left early. ' +
      '"We will not back down on this policy," she said.';
    expect(speakers(en, 'direct')).toEqual(['Ann Lee']);
  });
});

/** The reported speech found in `source`: its spans' text and their speakers. */
const reported = (source: string) =>
  findQuotes(source)
    .filter((q) => q.kind === 'indirect')
    .map((q) => [cpSlice(source, q.start, q.end), q.speaker && cpSlice(source, q.speaker.start, q.speaker.end)]);

describe('English reported speech after a subject with an apposition', () => {
  it('NAME, the chair, said CLAUSE: the clause is what was said, not the name and its apposition', () => {
    expect(reported('Police arrived at noon. Jane Roe, the chair, said the evidence was overwhelming.')).toEqual([
      ['the evidence was overwhelming', 'Jane Roe'],
    ]);
    // (A name after the verb may hold a relative clause with a verb of its own: "…, said the man who was there".)
    expect(reported('Sales fell in every store, said the man who was there.')).toEqual([
      ['Sales fell in every store', 'the man'],
    ]);
  });
});

describe('English: the subject before an aside that ends at the verb’s comma', () => {
  it('NAME, which … before …, announced / NAME, in a statement after …, said: NAME', () => {
    const body = 'Acme Stores, which had cut jobs weeks before the closures, announced Tuesday it would shut for good.';
    expect(reported(body)).toEqual([['it would shut for good', 'Acme Stores']]);
    const aside = 'Ann Lee, in a statement after the news conference, said the mayor was fired for cause.';
    expect(reported(aside)).toEqual([['the mayor was fired for cause', 'Ann Lee']]);
  });
});

describe('English: what one was asked is no speaker', () => {
  it('Asked if / whether …, he said: "…" is the one "he" means, not "if he would resign"', () => {
    const en =
      'John Smith spoke on Monday. Asked if he would resign, he said: "Absolutely not, I have done nothing wrong."';
    expect(speakers(en, 'direct')).toEqual(['John Smith']);
    const whether =
      'John Smith spoke on Monday. Asked whether he would resign, he replied: "Not at all, I have done nothing wrong."';
    expect(speakers(whether, 'direct')).toEqual(['John Smith']);
  });
});

describe('English reported speech with its attribution inside it', () => {
  it('CLAUSE, the Chancellor said, CLAUSE: the one between the commas; "he said" the one who spoke last', () => {
    const en = 'John Smith spoke on Monday. The scheme, the Chancellor said, will be extended until October.';
    expect(reported(en)).toEqual([
      ['The scheme, the Chancellor said, will be extended until October', 'the Chancellor'],
    ]);
    const he = 'John Smith spoke on Monday. The scheme, he said, will be extended until October.';
    expect(reported(he)).toEqual([['The scheme, he said, will be extended until October', 'John Smith']]);
    const wong = 'What is unusual, Wong said, is how much fraud there is.';
    expect(reported(wong)).toEqual([['What is unusual, Wong said, is how much fraud there is', 'Wong']]);
  });
});

describe('English: the one told is no speaker', () => {
  it('She told The Associated Press: "…" with no one named before her: no one, not the agency', () => {
    const en = 'She told The Associated Press: “I never thought this would happen to us.”';
    expect(speakers(en, 'direct')).toEqual([null]);
  });
});

describe('English headlines: NAME: "…"', () => {
  it('a line that opens with a name and a colon before the quotation: the name, not "Johnson: “We"', () => {
    const en = 'Police arrived at noon.\n\nBoris Johnson: ‘We will get it done by the end of January’\n\nHe spoke.';
    expect(speakers(en, 'direct')).toEqual(['Boris Johnson']);
    expect(speakers('Johnson: "We will get it done by the end of January"', 'direct')).toEqual(['Johnson']);
  });
});

describe('English: "he said" after a sentence whose subject is "The" and a title', () => {
  it('The minister spoke …. "…," he said: the minister', () => {
    const en = 'The minister spoke on Monday. "We will not back down on this policy," he said.';
    expect(speakers(en, 'direct')).toEqual(['The minister']);
  });
});

describe('English: "he said" / "she said" never means a plural noun phrase (quotes47)', () => {
  it('not the plural in a relative clause: the person named before it', () => {
    const en =
      'Dana Holt also said that one dry year would do little to stop the drought that farmers have said will ' +
      'go on.\n\n“I don’t see much hope for this season,” she said.';
    expect(speakers(en, 'direct')).toEqual(['Dana Holt']);
  });

  it('not a plural with its complement, nor one after a capitalised determiner', () => {
    const many =
      'Dana Holt runs the farm. The roads have been closed since May, as several sources of the river have said.' +
      '\n\n“We can’t get anything out,” she said.';
    expect(speakers(many, 'direct')).toEqual(['Dana Holt']);
    const parents = 'Ann Lee spoke on Monday. Her parents said the family was safe. “We are grateful,” she said.';
    expect(speakers(parents, 'direct')).toEqual(['Ann Lee']);
  });

  it('"they said" still means the plural', () => {
    const en = 'Officials in the county said the roads were closed. “We are asking people to stay home,” they said.';
    expect(speakers(en, 'direct')).toEqual(['Officials in the county']);
  });
});

describe('English: a dateline before the news (quotes47)', () => {
  it('CITY (Agency) - NAME VERB …: "she said" in the next paragraph is NAME’s', () => {
    const en =
      'LONDON (Reuters) - Jane Roe spoke to lawmakers on Monday.\n\n“We are past the worst of this crisis,” she said.';
    expect(speakers(en, 'direct')).toEqual(['Jane Roe']);
  });
});

describe('English: the title in the quote’s own attribution is its speaker (quotes47)', () => {
  it('“…,” the mayor said: the mayor, its nearest mention, not the name written before', () => {
    const en = 'Mayor Ann Lee spoke to reporters on Monday.\n\n“We will reopen the parks next week,” the mayor said.';
    expect(speakers(en, 'direct')).toEqual(['the mayor']);
  });

  it('"she said" with no title of its own is still the name', () => {
    const en =
      'Mayor Ann Lee spoke to reporters on Monday.\n\n“We will reopen the parks next week,” she said. ' +
      '“The beaches will follow,” the mayor added.';
    expect(speakers(en, 'direct')).toEqual(['Mayor Ann Lee', 'the mayor']);
  });
});

describe('English: a quotation over several paragraphs (quotes47)', () => {
  it('“…⏎⏎“…,” said NAME: the paragraph with no closing mark is NAME’s, not the one who spoke before', () => {
    const en =
      '“We are ready,” said Ann Lee.\n\n“The first thing we did was call the family. We waited for hours.\n\n' +
      '“Then the doctor came out and told us the news,” said Mary Jones, the boy’s aunt.';
    expect(speakers(en, 'direct')).toEqual(['Ann Lee', 'Mary Jones', 'Mary Jones']);
  });

  it('a paragraph whose quotation closes is no part of the next one’s', () => {
    const en =
      '“We are ready,” said Ann Lee.\n\n“The first thing we did was call the family.”\n\n' +
      '“Then the doctor came out,” said Mary Jones.';
    expect(speakers(en, 'direct')).toEqual(['Ann Lee', 'Ann Lee', 'Mary Jones']);
  });
});

describe('English: a participle’s clause between the subject and its verb (quotes47)', () => {
  it('The TITLE, speaking at …, said: the title, not the participle’s clause', () => {
    const en = 'The governor, speaking at a briefing in the capital, said: “We are not out of the woods yet.”';
    expect(speakers(en, 'direct')).toEqual(['The governor']);
    const writing = 'The minister, writing on Facebook, said the vote was “a great day for all of our people.”';
    expect(speakers(writing, 'direct')).toEqual(['The minister']);
  });
});

describe('English: an occupation in lower case before the subject’s name (quotes47)', () => {
  it('OCCUPATION NAME VERB …, after an opening phrase or not: "he said" is NAME’s', () => {
    const opening =
      'In Dhaka, construction worker John Smith queued for a bus home.\n\n“We don’t have money to eat,” he said.';
    expect(speakers(opening, 'direct')).toEqual(['John Smith']);
    const aged = 'Retired nurse Jane Doe, 67, lives alone near the river.\n\n“I am scared,” she said.';
    expect(speakers(aged, 'direct')).toEqual(['Jane Doe']);
  });

  it('not a run with a preposition: "officials in New York" names no one', () => {
    const en =
      'Ann Lee spoke first. In March, officials in New York ordered the schools closed.\n\n' +
      '“It was the right call,” she said.';
    expect(speakers(en, 'direct')).toEqual(['Ann Lee']);
  });
});

/** The direct and indirect quotes found in `source`, as text. */
const found = (source: string) => findQuotes(source).map((q) => `${q.kind}: ${cpSlice(source, q.start, q.end)}`);

describe('English: three words in marks that close their sentence (quotes47)', () => {
  it('three words in lower case whose full stop is in the marks are someone’s words', () => {
    const en =
      'Dr. Jane Roe said the drug was safe for most adults. Its use in young children poses “some serious risks.”';
    expect(found(en)).toContain('direct: some serious risks.');
  });

  it('not a term that runs on into its sentence, nor one after "so-called"', () => {
    expect(found('The company is testing “reduced capacity shows” both indoors and outdoors this summer.')).toEqual([]);
    expect(found('Most voters would support a so-called “windfall profit tax.”')).toEqual([]);
  });

  it('the reported clause before a comma and a clause of its own stays indirect beside the quotation', () => {
    const en =
      'While Roe acknowledged the drug has been used safely for many decades, its use in people who already have ' +
      'the virus poses “some real concerns.”';
    expect(found(en)).toEqual([
      'indirect: the drug has been used safely for many decades',
      'direct: some real concerns.',
    ]);
  });
});

describe('English: a headline’s topic, a colon, the quotation, then a verb of saying (quotes47)', () => {
  it('TOPIC: ‘…’, says NAME: NAME, not the topic', () => {
    const en = 'Brexit: ‘We will not sign a bad deal’, says Johnson\n\nThe prime minister spoke on Monday.';
    expect(speakers(en, 'direct')).toEqual(['Johnson']);
  });

  it('NAME: ‘…’ with no verb after it is still NAME’s', () => {
    const en = 'Mnuchin: ‘No workers should be left behind’ as the plan goes ahead\n\nThe secretary spoke on Monday.';
    expect(speakers(en, 'direct')).toEqual(['Mnuchin']);
  });
});

describe('English: "One" or "Another" and a person’s noun opening a sentence (quotes47)', () => {
  it('One NOUN, an apposition, VERB …: "he said" is that one', () => {
    const en =
      'One nurse, a veteran of three epidemics, walked into the ward at dawn.\n\n“It was like nothing I had seen,” she said.';
    expect(speakers(en, 'direct')).toEqual(['One nurse']);
    const another = 'Another resident stayed in her home through the storm.\n\n“We had nowhere else to go,” she said.';
    expect(speakers(another, 'direct')).toEqual(['Another resident']);
  });

  it('not "One thing …": no person’s noun', () => {
    const en = 'Ann Lee spoke first. One thing is clear: the town will change.\n\n“It was the right call,” she said.';
    expect(speakers(en, 'direct')).toEqual(['Ann Lee']);
  });
});
