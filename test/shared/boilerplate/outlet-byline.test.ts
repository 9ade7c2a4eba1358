import { describe, expect, test } from 'vitest';
import { outletByline } from '../../../shared/boilerplate/outlet-byline';
import { removed } from './rule-harness';

describe('outlet-byline', () => {
  test('the outlet under the title, with the author’s name above it', () => {
    expect(
      removed(outletByline, 'Storm closes schools\nMaria Ortega\n\nUSA TODAY\n\nSchools closed on Monday.\n'),
    ).toEqual(['Maria Ortega\n\nUSA TODAY\n']);
    expect(removed(outletByline, 'Editors\n\nThe Associated Press\n\nThe vote was close.\n')).toEqual([
      'Editors\n\nThe Associated Press\n',
    ]);
    expect(removed(outletByline, 'The Editorial Board\n\nUSA TODAY\n\nOur view on the budget.\n')).toEqual([
      'The Editorial Board\n\nUSA TODAY\n',
    ]);
  });

  test('a body without its title: the author on the first line, over a writer’s credit', () => {
    expect(removed(outletByline, 'Jane Doe\n\nUSA TODAY NETWORK\n\nSchools closed on Monday.\n')).toEqual([
      'Jane Doe\n\nUSA TODAY NETWORK\n',
    ]);
    expect(removed(outletByline, 'Jane Doe\nSpecial to USA TODAY\nSchools closed on Monday.\n')).toEqual([
      'Jane Doe\nSpecial to USA TODAY\n',
    ]);
    expect(removed(outletByline, 'John Roe and Mary Major\nThe Associated Press\nThe vote was close.\n')).toEqual([
      'John Roe and Mary Major\nThe Associated Press\n',
    ]);
    expect(removed(outletByline, 'Staff\nUSA TODAY NETWORK PRESSROOM\nThe paper launched a series.\n')).toEqual([
      'Staff\nUSA TODAY NETWORK PRESSROOM\n',
    ]);
    // A headline's words keep a Title Case first line, whatever the outlet under it.
    expect(removed(outletByline, 'Talks Set To Resume\nUSA TODAY NETWORK\nThe vote was close.\n')).toEqual([
      'USA TODAY NETWORK\n',
    ]);
  });

  test('on the first line a name may be the title: only the outlet goes', () => {
    expect(removed(outletByline, 'Stocks Rally Again\nReuters\nShares rose on Monday.\n')).toEqual(['Reuters\n']);
  });

  test('further down, or in a sentence, the outlet stays', () => {
    const late = `Title\n${'A paragraph of the story.\n'.repeat(6)}Reuters\n`;
    expect(removed(outletByline, late)).toEqual([]);
    expect(removed(outletByline, 'Title\nReuters reported the deal on Monday.\n')).toEqual([]);
  });
});
