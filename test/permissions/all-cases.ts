// Every permission-matrix case module, for coverage.test.ts.
import { ALLIANCE_WORK_CASES } from './alliance-work.cases.ts';
import { CONTACT_CASES } from './contacts.cases.ts';
import { CONVENINGS_PLANS_CASES } from './convenings-plans.cases.ts';
import { OUTREACH_CASES } from './outreach.cases.ts';
import { LADDER_CASES } from './ladder.cases.ts';
import { LEADERSHIP_CASES } from './leadership.cases.ts';
import { DONATION_CASES } from './donations.cases.ts';
import { DECISIONS_CASES } from './decisions.cases.ts';
import { DIRECTORY_CASES } from './directory.cases.ts';
import { OVERLAP_CASES } from './overlap.cases.ts';
import { CEMENT_CASES } from './cement.cases.ts';

export const ALL_CASES: Array<{ route: string }> = [...DIRECTORY_CASES, ...DECISIONS_CASES, ...CONVENINGS_PLANS_CASES, ...ALLIANCE_WORK_CASES, ...CONTACT_CASES, ...OUTREACH_CASES, ...LADDER_CASES, ...LEADERSHIP_CASES, ...DONATION_CASES, ...OVERLAP_CASES, ...CEMENT_CASES];

/** Routes outside the matrix, and why: none of them touches a record in a space. */
export const EXEMPT: Record<string, string> = {
  'GET /api/organizations': 'a search: it lists only what the caller may read (directory.matrix.db.test.ts checks foreign records stay out)',
  'POST /api/auth/login': 'signing in (tested in accounts.db.test.ts)',
  'POST /api/auth/logout': 'signing out (tested in accounts.db.test.ts)',
  'GET /api/me': "the caller's own account",
  'PATCH /api/me': "the caller's own account",
  'POST /api/me/password': "the caller's own account",
  'GET /api/notifications': "the caller's own notifications",
  'POST /api/notifications/read': "the caller's own notifications",
  'GET /api/vocabularies': 'workspace-wide vocabularies, readable by every signed-in user',
  'PUT /api/vocabularies/{kind}': 'workspace vocabularies: workspace admins only (tested in vocabulary tests)',
  'GET /api/areas/states': 'public reference data (US states)',
  'GET /api/metrics/definitions': 'public: the movement metrics\' definitions, no record (metrics.db.test.ts)',
  'GET /api/areas/counties': 'public reference data (US counties)',
  'GET /api/calendar/{feed}': 'a calendar feed, authorized by its secret address rather than a session',
  'GET /api/consent/{token}': "a person's own consent page, authorized by its signed link rather than a session (consent.db.test.ts: forged, borrowed and expired links)",
  'PUT /api/consent/{token}': "a person's own consent page, authorized by its signed link rather than a session (consent.db.test.ts)",
  'PUT /api/me/digest': "the caller's own account",
  'GET /api/discussions/search': 'a search: it reads only posts in spaces where the caller holds a role (discussions.db.test.ts plants a matching thread in another alliance)',
  'GET /api/survey-answers/{token}': "an organization's survey form, authorized by its representative's signed link rather than a session (surveys.db.test.ts: forged and foreign links)",
  'PUT /api/survey-answers/{token}': "an organization's survey answer, authorized by its representative's signed link rather than a session (surveys.db.test.ts)",
  'GET /api/backup': 'the whole workspace, for workspace administrators only, not a space role: tested in backup.db.test.ts',
  'GET /api/key-rotation': 'the whole workspace\'s key, for workspace administrators only, not a space role: tested in online-rotation.db.test.ts',
  'POST /api/key-rotation': 'the whole workspace\'s key, for workspace administrators only, not a space role: tested in online-rotation.db.test.ts',
  'GET /api/jobs/{id}': "the caller's own jobs, kept per account",
  'DELETE /api/jobs/{id}': "the caller's own jobs, kept per account",
  'GET /api/me/assignments': "the caller's own field assignments",
};
