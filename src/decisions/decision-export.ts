import { stringify } from 'csv-stringify/sync';
import type { getDecisionLog } from './decision-record.service.ts';
import { SAFE_CELLS } from '../imports/csv-formulas.ts';

// The decision log leaves the app as CSV (a row per vote) and as Popolo JSON: a Motion per
// proposal, a VoteEvent per vote with its Counts, and a Vote per elector unless ballots were secret.

type Log = Awaited<ReturnType<typeof getDecisionLog>>;
type Decision = Log['decisions'][number];
type VoteView = NonNullable<Decision['steps'][number]['vote']>;

interface OutcomeLike { passed?: boolean | null; quorumMet?: boolean; result?: { winners?: string[] } }

/** What a ballot chose, as one word per choice: a position, approved options, or a ranking's first choice. */
export function ballotChoices(ballot: unknown): string[] {
  const b = (ballot ?? {}) as { position?: string; approved?: string[]; ranking?: string[]; scores?: Record<string, number> };
  if (b.position) return [b.position];
  if (b.approved) return b.approved;
  if (b.ranking) return b.ranking.slice(0, 1);
  if (b.scores) return Object.keys(b.scores);
  return [];
}

export function resultOf(vote: VoteView): string {
  const outcome = vote.outcome as OutcomeLike | null;
  if (!outcome) return vote.status;
  if (outcome.quorumMet === false) return 'no_quorum';
  if (outcome.passed === true) return 'pass';
  if (outcome.passed === false) return 'fail';
  if (outcome.result?.winners?.length) return `elected: ${outcome.result.winners.join('; ')}`;
  return 'advice';
}

function votesOf(decision: Decision) {
  return decision.steps.flatMap((s) => (s.vote ? [{ step: s, vote: s.vote }] : []));
}

export function decisionLogCsv(log: Log): string {
  const rows = log.decisions.flatMap((d) => {
    const base = { proposal_id: d.id, title: d.title, version: d.version, status: d.status, decided_at: d.decidedAt ? new Date(d.decidedAt).toISOString() : '',
      outcome_statement: d.outcomeStatement ?? '', changes: d.changes.length };
    const votes = votesOf(d);
    if (votes.length === 0) return [{ ...base, step: '', method: '', rule: '', secret: '', could_vote: '', voted: '', quorum: '', result: '' }];
    return votes.map(({ step, vote }) => ({
      ...base, step: step.title, method: vote.method, rule: JSON.stringify(vote.rule), secret: vote.secret ? 'yes' : 'no',
      could_vote: vote.electors.map((e) => e.label).join('; '),
      voted: vote.electors.filter((e) => e.voted).map((e) => e.label).join('; '),
      quorum: vote.quorum ? `${(vote.quorum as { numerator: number }).numerator}/${(vote.quorum as { denominator: number }).denominator}` : '',
      result: resultOf(vote),
    }));
  });
  return stringify(rows, { ...SAFE_CELLS, header: true, columns: ['proposal_id', 'title', 'version', 'status', 'decided_at', 'step', 'method', 'rule', 'secret',
    'could_vote', 'voted', 'quorum', 'result', 'outcome_statement', 'changes'] });
}

const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);

export function decisionLogPopolo(log: Log) {
  return {
    motions: log.decisions.map((d) => ({
      id: d.id,
      organization_id: log.alliance.id,
      text: d.title,
      identifier: `v${d.version}`,
      classification: d.decides ? (d.decides as { kind: string }).kind : 'proposal',
      date: iso(d.createdAt),
      result: d.status === 'ratified' ? 'pass' : d.status === 'rejected' ? 'fail' : d.status,
      created_at: iso(d.createdAt),
      vote_events: votesOf(d).map(({ step, vote }) => {
        const counts = new Map<string, number>();
        for (const e of vote.electors) if (e.voted && (e.ballot || !vote.secret)) for (const c of ballotChoices(e.ballot)) counts.set(c, (counts.get(c) ?? 0) + 1);
        // Secret ballots: counts come from the outcome only; no per-elector Vote is published.
        return {
          id: vote.id,
          motion_id: d.id,
          organization_id: log.alliance.id,
          identifier: step.title,
          classification: vote.method,
          start_date: iso(vote.openedAt),
          end_date: iso(vote.closedAt),
          result: resultOf(vote),
          counts: vote.secret ? [] : [...counts].map(([option, value]) => ({ option, value })),
          votes: vote.secret ? [] : vote.electors.filter((e) => e.voted).map((e) => ({
            vote_event_id: vote.id,
            // An organization's ballot is the group's; a person's ballot is the voter's.
            ...((vote.electorate as { kind: string }).kind === 'people' ? { voter_id: e.electorId } : { group_id: e.electorId }),
            option: ballotChoices(e.ballot).join(' > ') || null,
            // Popolo's weight is a number; the exact fraction stays in the app's own log.
            role: e.castAs, weight: Number(e.weight.numerator) / Number(e.weight.denominator),
          })),
        };
      }),
    })),
  };
}
