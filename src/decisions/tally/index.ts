// Ranked-choice counting: instant-runoff (IRV) and single transferable vote (STV), exact and
// compatible with RCTab. tallyRanked is the app's entry point; rctab-run.ts counts an RCTab contest
// config with its CVR files into RCTab's detailed report (it reads files, so it is not re-exported).
export { tallyRanked, countBallotSet, RankedInputError } from './tally-ranked.ts';
export type { RankedBallotInput, RankedResult, RankedRound, TallyRankedInput } from './tally-ranked.ts';
export { readAppBallots, BallotFileError } from './app-ballots.ts';
