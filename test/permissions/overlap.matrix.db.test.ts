import { matrixSuite } from './matrix.ts';
import { OVERLAP_CASES, overlapRecords } from './overlap.cases.ts';

matrixSuite('overlap', OVERLAP_CASES, overlapRecords, /overlap-secret-\d+/);
