import { householdKeyFromAddress, nameAddressKey } from '../contacts/contact-identity.ts';
import { type ContactDetails, contactDetailsPlace } from '../contacts/contact-sealing.ts';
import type { Db } from '../db/database.ts';
import { rotatePeopleKey } from '../people/person.service.ts';
import * as repo from './key-rotation.repository.ts';
import { type SealedBox, sealedPlace } from './sealed-box.ts';

// `crossroads rotate-key` moves everything sealed to a new key in one transaction — the
// directory's people, every organization's contacts with their blind indexes, the notes of
// outreach attempts — so that no value is left on a key that is about to be thrown away.
//
// A contact's blind indexes are made again from its opened details, except a household key that
// came from a household id in an imported file (the id is not stored): those keep their grouping
// under the new key (the same old key, the same new one), though a later file's household id no
// longer joins them.

const PAGE = 2000;

export interface RotationReport { people: number; contacts: number; notes: number; unreadable: number }

function rotateContact(oldBox: SealedBox, newBox: SealedBox, row: Awaited<ReturnType<typeof repo.pageSealedContacts>>[number]): repo.RotatedContact | null {
  let d: ContactDetails = {};
  if (row.sealed) {
    if (row.sealed.startsWith('unreadable.')) return null;
    try { d = oldBox.open<ContactDetails>(row.sealed, contactDetailsPlace(row.id)); } catch { return null; }
  }
  const where = { firstName: row.firstName, lastName: row.lastName, street: d.street, zip: row.zip ?? undefined, city: row.city ?? undefined };
  const nameAddress = nameAddressKey(where);
  const fromAddress = householdKeyFromAddress(where);
  const hash = (value: string) => newBox.keyedHash(value, row.spaceId);
  let household: string | null = null;
  if (row.householdKey) {
    household = fromAddress && oldBox.keyedHash(`household:${fromAddress}`, row.spaceId) === row.householdKey ? hash(`household:${fromAddress}`) : hash(`household-rotated:${row.householdKey}`);
  }
  return {
    id: row.id,
    sealed: row.sealed ? newBox.seal(d, contactDetailsPlace(row.id)) : null,
    email_hash: d.email ? hash(`email:${d.email}`) : null,
    phone_hash: d.phone ? hash(`phone:${d.phone}`) : null,
    name_address_hash: nameAddress ? hash(`name-address:${nameAddress}`) : null,
    household_key: household,
    birth_key: d.birthDate ? hash(`birth:${d.birthDate}`) : null,
  };
}

export async function rotateKey(db: Db, oldBox: SealedBox, newBox: SealedBox): Promise<RotationReport> {
  return db.transaction().execute(async (trx) => {
    const report: RotationReport = { people: await rotatePeopleKey(trx, oldBox, newBox), contacts: 0, notes: 0, unreadable: 0 };
    for (let after = ''; ;) {
      const page = await repo.pageSealedContacts(trx, after, PAGE);
      if (page.length === 0) break;
      const rotated = page.map((row) => rotateContact(oldBox, newBox, row));
      await repo.setRotatedContacts(trx, rotated.filter((r): r is repo.RotatedContact => r !== null));
      report.contacts += rotated.filter(Boolean).length;
      report.unreadable += rotated.filter((r) => r === null).length;
      after = page.at(-1)!.id;
    }
    for (let after = ''; ;) {
      const page = await repo.pageSealedNotes(trx, after, PAGE);
      if (page.length === 0) break;
      const place = (id: string) => sealedPlace('outreach_attempts', 'notes_sealed', id);
      await repo.setRotatedNotes(trx, page.flatMap((row) => {
        try { return [{ id: row.id, notes_sealed: newBox.seal(oldBox.open<string>(row.notesSealed, place(row.id)), place(row.id)) }]; } catch { report.unreadable += 1; return []; }
      }));
      report.notes += page.length;
      after = page.at(-1)!.id;
    }
    // Merge history keeps a contact's details as they were, sealed for the contact.
    const history = repo.SEALED_COLUMNS.find((c) => c.table === 'contact_history')!;
    for (let after = ''; ;) {
      const page = await repo.pageOffKey(trx, history, newBox.sealedPrefix(), after, PAGE);
      if (page.length === 0) break;
      const place = (contactId: string) => sealedPlace('contacts', 'sealed', contactId);
      await repo.setResealed(trx, history, page.flatMap((row) => {
        try { return [{ id: row.id, old: row.sealed, sealed: newBox.seal(oldBox.open(row.sealed, place(row.placeId)), place(row.placeId)) }]; } catch { report.unreadable += 1; return []; }
      }));
      after = page.at(-1)!.id;
    }
    return report;
  });
}
