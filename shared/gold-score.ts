// Scoring suggestions against hand-labelled gold data (`tahrir ner-eval`, `tahrir quote-eval`): the
// three counts and the precision, recall and F1 they give, the conlleval way (0 where nothing was
// predicted or nothing is in the gold). Agreement between two annotators is another measure, with
// no gold side: shared/agreement-stats.ts.

/** What was counted: items in the gold data, items suggested, and suggested items that match the gold. */
export interface GoldCounts {
  gold: number;
  predicted: number;
  correct: number;
}

export interface GoldScore extends GoldCounts {
  precision: number;
  recall: number;
  f1: number;
}

/** a / b, or 0 where there is nothing to divide by. */
export const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export function goldScore({ gold, predicted, correct }: GoldCounts): GoldScore {
  const precision = ratio(correct, predicted);
  const recall = ratio(correct, gold);
  const f1 = ratio(2 * precision * recall, precision + recall);
  return { gold, predicted, correct, precision, recall, f1 };
}
