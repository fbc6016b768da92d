import { CONTACT_CASES, contactRecords } from './contacts.cases.ts';
import { matrixSuite } from './matrix.ts';

matrixSuite('contacts', CONTACT_CASES, contactRecords, /Foreign (Contact|Segment|List|Token)|foreign-contact/);
