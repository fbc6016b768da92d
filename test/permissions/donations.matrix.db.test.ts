import { DONATION_CASES, donationRecords } from './donations.cases.ts';
import { matrixSuite } from './matrix.ts';

matrixSuite('donations', DONATION_CASES, donationRecords, /Donor \d|4200|4_200/);
