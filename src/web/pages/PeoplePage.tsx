import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { REPRESENTATIVE_SEATS } from '../../orgs/organization.vocab.ts';
import { api, ApiError, query, errorText } from '../api.ts';
import { ErrorBanner, Field, Tag, inputClass, secondaryButtonClass } from '../components/Field.tsx';
import { useSession } from '../session.tsx';
import type { OrganizationPageResult, Person } from '../types.ts';
import { type Contact, PersonForm } from './PersonForm.tsx';
import { roleAtLeast } from '../../spaces/roles.ts';

export function PeoplePage() {
  const { id: spaceId } = useParams();
  const { t } = useTranslation();
  const { me } = useSession();
  const space = me?.spaces.find((s) => s.id === spaceId);
  const [q, setQ] = useState('');
  const [people, setPeople] = useState<{ total: number; items: Person[] } | null>(null);
  const [contacts, setContacts] = useState<Record<string, Contact>>({});
  const [editing, setEditing] = useState<string | null>(null);
  const [memberships, setMemberships] = useState<OrganizationPageResult['alliances']>([]);
  const [error, setError] = useState<string | null>(null);
  const load = () => api.get<{ total: number; items: Person[] }>(`/spaces/${spaceId}/people${query({ q, limit: 100 })}`)
    .then(setPeople, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { const h = setTimeout(load, 200); return () => clearTimeout(h); }, [spaceId, q]);
  useEffect(() => {
    if (space?.organizationId) void api.get<OrganizationPageResult>(`/organizations/${space.organizationId}`).then((p) => setMemberships(p.alliances), () => undefined);
  }, [space?.organizationId]);

  const canWrite = Boolean(space && space.role !== 'viewer');
  const canDelete = roleAtLeast(space?.role, 'admin');
  // Showing contact details is a logged read (see the audit log): only on request.
  async function showContact(personId: string) {
    try {
      const contact = await api.get<Contact>(`/people/${personId}/contact`);
      setContacts((c) => ({ ...c, [personId]: contact }));
      return contact;
    } catch (err) {
      setError(errorText(t, err));
      return null;
    }
  }
  async function edit(personId: string) {
    if (contacts[personId] || (await showContact(personId))) setEditing(personId);
  }
  async function remove(person: Person) {
    if (!window.confirm(t('people.confirmDelete', { name: person.name }))) return;
    try { await api.delete(`/people/${person.id}`); void load(); } catch (err) { setError(errorText(t, err)); }
  }

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('people.title', { space: space?.name ?? '' })}</h1>
      <p className="text-sm text-stone-700">{t('people.privacy')}</p>
      <Field label={t('directory.search')}>{(p) => <input {...p} type="search" className={inputClass} value={q} onChange={(e) => setQ(e.target.value)} />}</Field>
      <ErrorBanner message={error} />
      {people && (
        <>
          <p role="status" className="text-sm text-stone-600">{t('people.count', { count: people.total })}</p>
          <ul className="flex flex-col gap-2">
            {people.items.map((p) => editing === p.id ? (
              <li key={p.id}>
                <PersonForm spaceId={spaceId!} organizationId={space?.organizationId ?? null} existing={p} contact={contacts[p.id]}
                  onSaved={() => { setEditing(null); setContacts(({ [p.id]: _gone, ...rest }) => rest); void load(); }} onCancel={() => setEditing(null)} />
              </li>
            ) : (
              <li key={p.id} className="rounded border border-stone-200 bg-white p-3">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold">{p.name}</span>
                  {p.languages.map((l) => <Tag key={l}>{l.toUpperCase()}</Tag>)}
                  {p.affiliations.map((a) => <Tag key={a.organizationId + a.role}>{t(`enum.affiliation.${a.role}`)} · {a.organizationName}</Tag>)}
                  {p.seats.map((s) => <Tag key={s.membershipId}>{t(`enum.seat.${s.seat}`)} · {s.allianceName}</Tag>)}
                </div>
                {contacts[p.id] && (
                  <dl className="mt-1 grid grid-cols-[6rem_1fr] text-sm">
                    {contacts[p.id]!.email && <><dt>{t('people.email')}</dt><dd>{contacts[p.id]!.email}</dd></>}
                    {contacts[p.id]!.phone && <><dt>{t('people.phone')}</dt><dd>{contacts[p.id]!.phone}</dd></>}
                    {contacts[p.id]!.address && <><dt>{t('people.address')}</dt><dd>{contacts[p.id]!.address}</dd></>}
                  </dl>
                )}
                {canWrite && (
                  <div className="mt-2 flex flex-wrap items-end gap-2 text-sm">
                    {p.hasContact && !contacts[p.id] && <button type="button" className={secondaryButtonClass} onClick={() => void showContact(p.id)}>{t('people.showContact')}</button>}
                    <button type="button" className={secondaryButtonClass} onClick={() => void edit(p.id)}>{t('common.edit')}</button>
                    {canDelete && <button type="button" className={secondaryButtonClass} onClick={() => void remove(p)}>{t('people.delete')}</button>}
                    {memberships.length > 0 && <SeatForm person={p} memberships={memberships} onDone={load} />}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {canWrite && <PersonForm spaceId={spaceId!} organizationId={space?.organizationId ?? null} onSaved={load} />}
    </section>
  );
}

/** Seats the person as the organization's representative on one of its alliance memberships. */
function SeatForm({ person, memberships, onDone }: { person: Person; memberships: OrganizationPageResult['alliances']; onDone: () => void }) {
  const { t } = useTranslation();
  const [membershipId, setMembershipId] = useState(memberships[0]!.id);
  const [seat, setSeat] = useState('leader');
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try { await api.post(`/memberships/${membershipId}/representatives`, { personId: person.id, seat }); onDone(); } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <Field label={t('people.seatOn', { name: person.name })}>{(p) => (
        <select {...p} className={inputClass} value={membershipId} onChange={(e) => setMembershipId(e.target.value)}>
          {memberships.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </select>
      )}</Field>
      <Field label={t('people.seat')}>{(p) => (
        <select {...p} className={inputClass} value={seat} onChange={(e) => setSeat(e.target.value)}>
          {REPRESENTATIVE_SEATS.map((s) => <option key={s} value={s}>{t(`enum.seat.${s}`)}</option>)}
        </select>
      )}</Field>
      <button type="submit" className={secondaryButtonClass}>{t('people.giveSeat')}</button>
      <ErrorBanner message={error} />
    </form>
  );
}
