// Reads a NIST SP 1500-103 Common Data Format cast vote record report (JSON), the way RCTab's
// CommonDataFormatReader does: the contest is the one whose Name is the source's contestId, each
// CVR's current snapshot gives its selections, a write-in selection counts for "Undeclared
// Write-ins", and positions without an indication or marked not allocable are ignored.
import { CvrError, type CvrCollector } from './cvr-collector.ts';
import type { CvrSource } from './rctab-config.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function rankOf(v: unknown, where: string): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  throw new CvrError(`${where}: Rank ${JSON.stringify(v)} is not a whole number`);
}

/** Adds the CVRs of one CDF JSON document (already parsed) to `collector`. */
export function readCdfCvrs(document: unknown, source: CvrSource, collector: CvrCollector, fileName: string): void {
  if (!isObject(document)) throw new CvrError(`${fileName}: not a CDF CastVoteRecordReport object`);
  const candidateNames = new Map<string, string>();
  let contest: Json | undefined;
  for (const election of list(document.Election)) {
    if (!isObject(election)) continue;
    for (const c of list(election.Candidate)) {
      if (!isObject(c) || typeof c['@id'] !== 'string') continue;
      if (candidateNames.has(c['@id'])) throw new CvrError(`${fileName}: Candidate "${c['@id']}" appears more than once`);
      candidateNames.set(c['@id'], String(c.Name ?? ''));
    }
    contest ??= list(election.Contest).find((k): k is Json => isObject(k) && k.Name === source.contestId);
  }
  if (!contest) throw new CvrError(`${fileName}: contest "${source.contestId}" (cvrFileSources.contestId) is not in the file`);
  const selections = new Map<string, Json>();
  for (const s of list(contest.ContestSelection)) {
    if (!isObject(s) || typeof s['@id'] !== 'string') continue;
    if (selections.has(s['@id'])) throw new CvrError(`${fileName}: Contest Selection "${s['@id']}" appears more than once`);
    selections.set(s['@id'], s);
  }
  const contestId = contest['@id'];

  let index = 0;
  for (const cvr of list(document.CVR)) {
    index++;
    const id = isObject(cvr) && typeof cvr.BallotPrePrintedId === 'string' ? cvr.BallotPrePrintedId : `${fileName}(${index})`;
    if (!isObject(cvr)) throw new CvrError(`CVR ${id}: not an object`);
    const snapshot = list(cvr.CVRSnapshot).find((s): s is Json => isObject(s) && s['@id'] === cvr.CurrentSnapshotId);
    if (!snapshot) throw new CvrError(`CVR ${id}: no snapshot matches CurrentSnapshotId`);
    const cvrContest = list(snapshot.CVRContest).find((c): c is Json => isObject(c) && c.ContestId === contestId);
    if (!cvrContest) throw new CvrError(`CVR ${id}: the current snapshot has no CVRContest for contest "${source.contestId}"`);
    const rankings: [number, number][] = [];
    for (const chosen of list(cvrContest.CVRContestSelection)) {
      if (!isObject(chosen)) continue;
      const selectionId = String(chosen.ContestSelectionId);
      const selection = selections.get(selectionId);
      if (!selection) throw new CvrError(`CVR ${id}: ContestSelection "${selectionId}" is not in the contest`);
      let name: string;
      if (selection.IsWriteIn === 'true' || selection.IsWriteIn === true) name = '\u0000uwi';
      else {
        const ids = list(selection.CandidateIds);
        if (ids.length === 0) throw new CvrError(`${fileName}: CandidateSelection "${selectionId}" has no CandidateIds`);
        const found = candidateNames.get(String(ids[0]));
        if (found === undefined) throw new CvrError(`${fileName}: Candidate ID "${String(ids[0])}" in Contest Selection "${selectionId}" is not in the candidate list`);
        name = found;
      }
      const candidateFor = (n: string) => (n === '\u0000uwi' ? collector.writeIn() : collector.resolve(n, source));
      if (chosen.Rank !== undefined) {
        const c = candidateFor(name);
        if (c !== undefined) rankings.push([rankOf(chosen.Rank, `CVR ${id}`), c]);
        continue;
      }
      for (const position of list(chosen.SelectionPosition)) {
        if (!isObject(position)) continue;
        if (position.CVRWriteIn !== undefined) name = '\u0000uwi';
        if (position.HasIndication === 'no' || position.IsAllocable === 'no') continue;
        const c = candidateFor(name);
        if (c !== undefined) rankings.push([rankOf(position.Rank, `CVR ${id}`), c]);
      }
    }
    collector.add(id, rankings);
  }
}
