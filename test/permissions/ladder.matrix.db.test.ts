import { LADDER_CASES, ladderRecords } from './ladder.cases.ts';
import { matrixSuite } from './matrix.ts';

matrixSuite('ladder', LADDER_CASES, ladderRecords, /Climber \d|tenants committee/);
