import { matrixSuite } from './matrix.ts';
import { OUTREACH_CASES, outreachRecords } from './outreach.cases.ts';

matrixSuite('outreach', OUTREACH_CASES, outreachRecords, /Foreign (Effort|Target)|Voter \d|Oak St/);
