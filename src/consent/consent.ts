import type { ConsentPurpose } from '../db/tables.ts';

export { linkToken, readLinkToken } from '../shared/signed-link.ts';

// What an organization may do with a contact, purpose by purpose, and the signed link through
// which the person reads and changes it. Pure: no SQL, no HTTP.

export const PURPOSES: readonly ConsentPurpose[] = ['count_in_alliance', 'overlap_matching', 'share_with_partner', 'c4'];
/** Purposes whose default an organization chooses; the others are never assumed. */
export const DEFAULTABLE = ['count_in_alliance', 'overlap_matching'] as const;
export type DefaultablePurpose = (typeof DEFAULTABLE)[number];

/**
 * Without a choice recorded: counting in an alliance's totals and taking part in a private overlap
 * reveal only numbers, so they are allowed unless the organization says otherwise; sharing with a
 * partner and 501(c)(4) use need the person's (or the organization's record of the person's) yes.
 */
export const BUILT_IN_DEFAULTS: Record<DefaultablePurpose, boolean> = { count_in_alliance: true, overlap_matching: true };

export interface ConsentChoice { purpose: ConsentPurpose; partnerSpaceId: string | null; granted: boolean }

/** Whether a purpose is allowed for a contact: its own recorded choice, else the organization's default, else the built-in one. */
export function allowed(purpose: ConsentPurpose, choices: ConsentChoice[], defaults: Partial<Record<DefaultablePurpose, boolean>>, partnerSpaceId: string | null = null): boolean {
  const own = choices.find((c) => c.purpose === purpose && c.partnerSpaceId === partnerSpaceId);
  if (own) return own.granted;
  if (purpose === 'count_in_alliance' || purpose === 'overlap_matching') return defaults[purpose] ?? BUILT_IN_DEFAULTS[purpose];
  return false;
}

export const LINK_DAYS = 30;
