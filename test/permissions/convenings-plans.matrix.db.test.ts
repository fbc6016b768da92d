import { CONVENINGS_PLANS_CASES, conveningPlanRecords } from './convenings-plans.cases.ts';
import { matrixSuite } from './matrix.ts';

matrixSuite('convenings and plans', CONVENINGS_PLANS_CASES, conveningPlanRecords, /Foreign (Alliance|Convening|Participant|Session|Goal|Proposal|Follow-up|Plan|Area|Activity|Org|Hall|Facilitator)/);
