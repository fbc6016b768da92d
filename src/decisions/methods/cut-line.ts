// Filling seats from a ranking without ever breaking a tie silently: options tied across the
// last seat are reported together with the seats they compete for, and the people decide.
import { compare, type Rational } from './rational.ts';

export interface CutLineTie {
  /** Options tied at the cut line, in the vote's option order. */
  options: string[];
  /** Seats still open among them (fewer than options.length). */
  seats: number;
}

export interface SeatsFilled { winners: string[]; ties: CutLineTie | null }

/**
 * `ranked` in the vote's option order; a null measure means the option cannot win (nobody scored
 * it). Winners come best first; options of equal measure keep the vote's option order.
 */
export function fillSeats(ranked: readonly { option: string; measure: Rational | null }[], seats: number): SeatsFilled {
  const eligible = ranked.filter((r): r is { option: string; measure: Rational } => r.measure !== null)
    .map((r, index) => ({ ...r, index }))
    .sort((a, b) => compare(b.measure, a.measure) || a.index - b.index);
  if (eligible.length <= seats) return { winners: eligible.map((r) => r.option), ties: null };
  const cut = eligible[seats - 1]!.measure;
  const above = eligible.filter((r) => compare(r.measure, cut) > 0).map((r) => r.option);
  const atCut = eligible.filter((r) => compare(r.measure, cut) === 0).map((r) => r.option);
  if (above.length + atCut.length <= seats) return { winners: [...above, ...atCut], ties: null };
  const inOptionOrder = ranked.map((r) => r.option).filter((option) => atCut.includes(option));
  return { winners: above, ties: { options: inOptionOrder, seats: seats - above.length } };
}
