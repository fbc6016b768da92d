import { CEMENT_CASES, cementRecords } from './cement.cases.ts';
import { matrixSuite } from './matrix.ts';

matrixSuite('cement', CEMENT_CASES, cementRecords, /Foreign (Wave|Member|Rep|Thread|Post|Resource)/);
