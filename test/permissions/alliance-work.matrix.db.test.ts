import { ALLIANCE_WORK_CASES, allianceWorkRecords } from './alliance-work.cases.ts';
import { matrixSuite } from './matrix.ts';

matrixSuite('alliance work', ALLIANCE_WORK_CASES, allianceWorkRecords, /Foreign (Alliance|Org|Partner|Campaign|Alert|Power Map|Stakeholder|Person|Import)/);
