import { LEADERSHIP_CASES, leadershipRecords } from './leadership.cases.ts';
import { matrixSuite } from './matrix.ts';

matrixSuite('leadership', LEADERSHIP_CASES, leadershipRecords, /Leader \d|Mentor \d|Foreign training|Foreign cohort/);
