// The decisions API's answers, as the web app reads them (assembled in decisions/decision-record.service.ts).

export interface Fraction { numerator: string; denominator: string }

export interface ElectorView {
  electorId: string; label: string; weight: Fraction; weightInputs: { declared?: Record<string, number> } | null;
  voted: boolean; castAs: string | null; castAt: string | null; version: number | null; castBy: string | null; ballot: Record<string, unknown> | null;
}

export interface VoteView {
  id: string; stepId: string; method: string; rule: Record<string, unknown>; options: { id: string; label: string }[];
  electorate: { kind: string; committeeId?: string | null }; weighting: { equalShare: number; inputs: { key: string; share: number }[] } | null;
  quorum: { numerator: number; denominator: number } | null; secret: boolean; closesAt: string | null; earlyClose: string;
  status: 'scheduled' | 'open' | 'closed'; openedAt: string | null; closedAt: string | null;
  outcome: OutcomeView | null; electors: ElectorView[]; participation: { electorate: number; voted: number };
  history: { electorId: string; castBy: string | null; castAs: string; version: number; ballot: Record<string, unknown>; castAt: string; supersededAt: string | null }[];
  events: { action: string; rule: string | null; reason: string | null; at: string; by: string | null }[];
  mine: { electorId: string; castAs: string; ballot: Record<string, unknown> | null }[];
}

export interface OutcomeView {
  quorum: { required: number; participated: number; electorateSize: number; met: boolean } | null;
  quorumMet: boolean; passed: boolean | null; weighted?: boolean; error?: { code: string };
  result?: Record<string, unknown> & { method: string };
}

export interface StepView {
  id: string; position: number; kind: 'consultation' | 'vote'; format: string | null; title: string; startsOn: string | null; endsOn: string | null;
  status: 'pending' | 'open' | 'done'; completedAt: string | null;
  entries: { id: string; organizationId: string | null; organizationName: string | null; participant: string; said: string | null; createdAt: string }[];
  vote: VoteView | null;
}

export interface ProposalRecord {
  id: string; allianceId: string; status: string; title: string; body: string; attachments: { name: string; url: string }[]; version: number;
  outcomeStatement: string | null; createdAt: string; decidedAt: string | null; decides: { kind: string; membershipId: string; status: string } | null;
  versions: { version: number; title: string; body: string; changeNote: string | null; createdAt: string; author: string | null }[];
  comments: { id: string; version: number | null; body: string; html: string; createdAt: string; author: string | null }[];
  steps: StepView[]; currentStepId: string | null;
}

export interface ProposalPageResult extends ProposalRecord { alliance: { id: string; name: string }; role: string | null }

export interface DecisionLogResult {
  alliance: { id: string; name: string };
  decisions: (ProposalRecord & { changes: { at: string; action: string; changes: Record<string, unknown> | null; by: string | null }[] })[];
}

export const fractionText = (f: Fraction | null | undefined) => {
  if (!f) return '';
  const n = Number(f.numerator) / Number(f.denominator);
  return f.denominator === '1' ? f.numerator : `${f.numerator}/${f.denominator} (${(n * 100).toFixed(1)}%)`;
};
