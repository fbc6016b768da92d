import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AFFILIATION_ROLES } from '../../orgs/organization.vocab.ts';
import { api, ApiError, query } from '../api.ts';
import { ErrorBanner, Field, Tag, buttonClass, inputClass } from '../components/Field.tsx';
import { useSession } from '../session.tsx';
import type { Person } from '../types.ts';

interface Contact { email?: string | null; phone?: string | null; address?: string | null }

export function PeoplePage() {
  const { id: spaceId } = useParams();
  const { t } = useTranslation();
  const { me } = useSession();
  const space = me?.spaces.find((s) => s.id === spaceId);
  const [q, setQ] = useState('');
  const [people, setPeople] = useState<{ total: number; items: Person[] } | null>(null);
  const [contacts, setContacts] = useState<Record<string, Contact>>({});
  const [error, setError] = useState<string | null>(null);
  const load = () => api.get<{ total: number; items: Person[] }>(`/spaces/${spaceId}/people${query({ q, limit: 100 })}`)
    .then(setPeople, (err: ApiError) => setError(err.status === 404 ? t('common.notFound') : err.message));
  useEffect(() => { const h = setTimeout(load, 200); return () => clearTimeout(h); }, [spaceId, q]);

  const canWrite = space && space.role !== 'viewer';
  async function showContact(personId: string) {
    try {
      const contact = await api.get<Contact>(`/people/${personId}/contact`);
      setContacts((c) => ({ ...c, [personId]: contact }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('people.title', { space: space?.name ?? '' })}</h1>
      <p className="text-sm text-stone-700">{t('people.privacy')}</p>
      <Field label={t('directory.search')}>{(p) => (<input {...p} type="search" className={inputClass} value={q} onChange={(e) => setQ(e.target.value)} />)}</Field>
      <ErrorBanner message={error} />
      {people && (
        <>
          <p role="status" className="text-sm text-stone-600">{t('people.count', { count: people.total })}</p>
          <ul className="flex flex-col gap-2">
            {people.items.map((p) => (
              <li key={p.id} className="rounded border border-stone-200 bg-white p-3">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold">{p.name}</span>
                  {p.languages.map((l) => <Tag key={l}>{l.toUpperCase()}</Tag>)}
                  {p.affiliations.map((a) => <Tag key={a.organizationId + a.role}>{t(`enum.affiliation.${a.role}`)} · {a.organizationName}</Tag>)}
                  {p.seats.map((s) => <Tag key={s.membershipId}>{t(`enum.seat.${s.seat}`)} · {s.allianceName}</Tag>)}
                </div>
                {canWrite && p.hasContact && !contacts[p.id] && (
                  <button type="button" className="mt-1 text-sm underline" onClick={() => void showContact(p.id)}>{t('people.showContact')}</button>
                )}
                {contacts[p.id] && (
                  <dl className="mt-1 grid grid-cols-[6rem_1fr] text-sm">
                    {contacts[p.id]!.email && <><dt>{t('people.email')}</dt><dd>{contacts[p.id]!.email}</dd></>}
                    {contacts[p.id]!.phone && <><dt>{t('people.phone')}</dt><dd>{contacts[p.id]!.phone}</dd></>}
                    {contacts[p.id]!.address && <><dt>{t('people.address')}</dt><dd>{contacts[p.id]!.address}</dd></>}
                  </dl>
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

function PersonForm({ spaceId, organizationId, onSaved }: { spaceId: string; organizationId: string | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [languages, setLanguages] = useState('es, en');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [role, setRole] = useState('leader');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await api.post(`/spaces/${spaceId}/people`, {
        name, languages: languages.split(/[,\s]+/).filter(Boolean).map((l) => l.toLowerCase()),
        contact: { email: email || null, phone: phone || null },
        affiliations: organizationId ? [{ organizationId, role }] : [],
      });
      setName(''); setEmail(''); setPhone('');
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err), undefined, []));
    }
  }
  const languageError = error?.errors.find((e) => e.field.startsWith('languages'))?.message;
  return (
    <form onSubmit={submit} noValidate className="grid grid-cols-1 gap-3 rounded border border-stone-200 bg-white p-3 sm:grid-cols-2" aria-labelledby="new-person">
      <h2 id="new-person" className="font-semibold sm:col-span-2">{t('people.add')}</h2>
      {error && !error.errors.length && <div className="sm:col-span-2"><ErrorBanner message={error.detail ?? error.message} /></div>}
      <Field label={t('people.name')} error={error?.fieldMessage('name')}>{(p) => <input {...p} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
      <Field label={t('people.languages')} hint={t('people.languagesHint')} error={languageError}>{(p) => <input {...p} className={inputClass} value={languages} onChange={(e) => setLanguages(e.target.value)} />}</Field>
      <Field label={t('people.email')} error={error?.fieldMessage('email')}>{(p) => <input {...p} type="email" className={inputClass} value={email} onChange={(e) => setEmail(e.target.value)} />}</Field>
      <Field label={t('people.phone')} error={error?.fieldMessage('phone')}>{(p) => <input {...p} type="tel" className={inputClass} value={phone} onChange={(e) => setPhone(e.target.value)} />}</Field>
      {organizationId && (
        <Field label={t('people.affiliation')}>{(p) => (
          <select {...p} className={inputClass} value={role} onChange={(e) => setRole(e.target.value)}>
            {AFFILIATION_ROLES.map((r) => <option key={r} value={r}>{t(`enum.affiliation.${r}`)}</option>)}
          </select>
        )}</Field>
      )}
      <div className="flex items-center gap-2 sm:col-span-2">
        <button type="submit" className={buttonClass}>{t('common.save')}</button>
        {saved && <span role="status" className="text-sm text-green-800">{t('people.saved')}</span>}
      </div>
    </form>
  );
}
