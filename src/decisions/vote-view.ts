// Pure: what one reader sees of a vote. Who could vote and who did are always visible (the
// report: members must know "how the final decision was made and who exactly made it"). A
// secret ballot's content is visible only to the elector it belongs to; open ballots to all.

export interface VoteParts {
  vote: {
    id: string; stepId: string; method: string; rule: unknown; options: unknown; electorate: unknown; weighting: unknown; quorum: unknown;
    secret: boolean; closesAt: Date | string | null; earlyClose: string; status: string; openedAt: Date | string | null; closedAt: Date | string | null;
    outcome: unknown;
  };
  electors: { electorId: string; label: string; weight: { numerator: string; denominator: string }; weightInputs: Record<string, unknown> | null }[];
  ballots: { id: string; electorId: string; castByName: string | null; castAs: string; version: number; ballot: unknown;
    castAt: Date | string; supersededAt: Date | string | null }[];
  events: { action: string; rule: string | null; reason: string | null; at: Date | string; by: string | null }[];
}

export function viewVote(parts: VoteParts, mine: { electorId: string; castAs: string }[]) {
  const { vote } = parts;
  const myElectors = new Set(mine.map((m) => m.electorId));
  const shows = (electorId: string) => !vote.secret || myElectors.has(electorId);
  const current = new Map(parts.ballots.filter((b) => !b.supersededAt).map((b) => [b.electorId, b]));
  const electorate = parts.electors.map((e) => {
    const ballot = current.get(e.electorId);
    return {
      electorId: e.electorId, label: e.label, weight: e.weight, weightInputs: e.weightInputs,
      voted: !!ballot, castAs: ballot?.castAs ?? null, castAt: ballot?.castAt ?? null, version: ballot?.version ?? null,
      castBy: ballot && shows(e.electorId) ? ballot.castByName : null,
      ballot: ballot && shows(e.electorId) ? ballot.ballot : null,
    };
  });
  const history = parts.ballots.filter((b) => shows(b.electorId)).map((b) => ({
    electorId: b.electorId, castBy: b.castByName, castAs: b.castAs, version: b.version, ballot: b.ballot, castAt: b.castAt, supersededAt: b.supersededAt,
  }));
  return {
    id: vote.id, stepId: vote.stepId, method: vote.method, rule: vote.rule, options: vote.options, electorate: vote.electorate,
    weighting: vote.weighting, quorum: vote.quorum, secret: vote.secret, closesAt: vote.closesAt, earlyClose: vote.earlyClose,
    status: vote.status, openedAt: vote.openedAt, closedAt: vote.closedAt,
    // The arithmetic is shown once the vote has closed, so no one votes to the running tally.
    outcome: vote.status === 'closed' ? vote.outcome : null,
    electors: electorate,
    participation: { electorate: electorate.length, voted: electorate.filter((e) => e.voted).length },
    history,
    events: parts.events,
    mine: mine.map((m) => ({ ...m, ballot: current.get(m.electorId)?.ballot ?? null })),
  };
}
