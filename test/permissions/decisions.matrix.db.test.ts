import { DECISIONS_CASES, decisionRecords } from './decisions.cases.ts';
import { matrixSuite } from './matrix.ts';

matrixSuite('decisions', DECISIONS_CASES, decisionRecords, /Foreign (Alliance|Org|Person|Proposal|Vote|Decision|Committee)/);
