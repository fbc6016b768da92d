import { type DBSchema, openDB } from 'idb';

// What a volunteer's phone keeps while working a turf: the packet it downloaded and the results
// and sign-ups not yet sent. Each result has the id the server will store it under, so sending
// it again after a lost answer stores nothing twice.

export interface Question { key: string; type: 'yes_no' | 'choice' | 'scale' | 'text'; prompt: { en: string; es: string }; choices?: { key: string; label: { en: string; es: string } }[]; min?: number; max?: number }
export interface PacketContact { id: string; firstName: string; lastName: string; languages: string[]; city: string | null; zip: string | null; street: string | null; phone?: string | null }
export interface Packet {
  assignment: { id: string; name: string }; effort: { id: string; name: string; kind: string; script: { questions: Question[] } }; results: string[]; contacts: PacketContact[];
  savedAt: string;
}
export interface PendingAttempt { kind: 'attempt'; id: string; assignmentId: string; contactId: string; result: string; answers: Record<string, string | number | boolean>; notes?: string; madeAt: string }
export interface PendingSignup { kind: 'signup'; id: string; assignmentId: string; firstName: string; lastName: string; phone?: string; email?: string; attended: boolean; madeAt: string }
type Pending = PendingAttempt | PendingSignup;

interface FieldDb extends DBSchema {
  packets: { key: string; value: Packet };
  outbox: { key: string; value: Pending; indexes: { byAssignment: string } };
  done: { key: string; value: { contactId: string; result: string } };
}

const database = () => openDB<FieldDb>('crossroads-field', 1, {
  upgrade(db) {
    db.createObjectStore('packets');
    db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byAssignment', 'assignmentId');
    db.createObjectStore('done', { keyPath: 'contactId' });
  },
});

export async function savePacket(packet: Packet) { await (await database()).put('packets', packet, packet.assignment.id); }
export async function loadPacket(assignmentId: string) { return (await database()).get('packets', assignmentId); }
export async function queue(item: Pending) {
  const db = await database();
  await db.put('outbox', item);
  if (item.kind === 'attempt') await db.put('done', { contactId: item.contactId, result: item.result });
}
export async function pending(assignmentId: string) { return (await database()).getAllFromIndex('outbox', 'byAssignment', assignmentId); }
export async function sent(ids: string[]) {
  const tx = (await database()).transaction('outbox', 'readwrite');
  await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
}
export async function doneResults() { return new Map((await (await database()).getAll('done')).map((d) => [d.contactId, d.result])); }

export async function forgetPackets() {
  const db = await database();
  await Promise.all([db.clear('packets'), db.clear('done')]);
}
