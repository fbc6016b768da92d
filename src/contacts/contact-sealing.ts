import { type SealedBox, sealedPlace } from '../crypto/sealed-box.ts';
import type { ContactRecord } from './contact-columns.ts';
import { householdKey, nameAddressKey } from './contact-identity.ts';

// What of a contact is sealed, and the keyed hashes that find it without opening the seal.

/** The sealed part of a contact. */
export interface ContactDetails { email?: string; phone?: string; street?: string; birthDate?: string; middleName?: string }

export const contactDetailsPlace = (contactId: string) => sealedPlace('contacts', 'sealed', contactId);

export function detailsOf(c: Pick<ContactRecord, 'email' | 'phone' | 'street' | 'birthDate' | 'middleName'>): ContactDetails {
  const d: ContactDetails = {};
  if (c.email) d.email = c.email;
  if (c.phone) d.phone = c.phone;
  if (c.street) d.street = c.street;
  if (c.birthDate) d.birthDate = c.birthDate;
  if (c.middleName) d.middleName = c.middleName;
  return d;
}

export function sealContact(box: SealedBox, contactId: string, c: ContactDetails): { sealed: string | null } {
  const details = detailsOf(c);
  return { sealed: Object.keys(details).length ? box.seal(details, contactDetailsPlace(contactId)) : null };
}

export function openContact(box: SealedBox, contactId: string, sealed: string | null): ContactDetails {
  return sealed ? box.open<ContactDetails>(sealed, contactDetailsPlace(contactId)) : {};
}

/** Blind indexes in the contact's space: the keyed hash of the normalized email and phone, of name + address, of the household. */
export function contactKeys(box: SealedBox, spaceId: string, c: Pick<ContactRecord, 'email' | 'phone' | 'street' | 'zip' | 'city' | 'firstName' | 'lastName' | 'householdId' | 'birthDate'>) {
  const nameAddress = nameAddressKey(c);
  const household = householdKey(c);
  return {
    emailHash: c.email ? box.keyedHash(`email:${c.email}`, spaceId) : null,
    phoneHash: c.phone ? box.keyedHash(`phone:${c.phone}`, spaceId) : null,
    nameAddressHash: nameAddress ? box.keyedHash(`name-address:${nameAddress}`, spaceId) : null,
    householdKey: household ? box.keyedHash(`household:${household}`, spaceId) : null,
    birthKey: c.birthDate ? box.keyedHash(`birth:${c.birthDate}`, spaceId) : null,
  };
}
