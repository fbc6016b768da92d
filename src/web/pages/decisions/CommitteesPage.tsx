import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner, Field, inputClass, secondaryButtonClass } from '../../components/Field.tsx';
import { allianceWithAllMembers } from '../../alliance-members.ts';
import type { AlliancePageResult } from '../../types.ts';
import { roleAtLeast } from '../../../spaces/roles.ts';

interface Committee {
  id: string; name: string; purpose: string | null;
  seats: { id: string; organizationId: string; organizationName: string; personId: string | null; personName: string | null; seat: string; termStartsOn: string | null; termEndsOn: string | null }[];
}

/** An alliance's committees: a permanent representative and an alternate from each member, for a term. */
export function CommitteesPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [committees, setCommittees] = useState<Committee[] | null>(null);
  const [alliance, setAlliance] = useState<AlliancePageResult | null>(null);
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [error, setError] = useState<string | null>(null);
  const load = () => api.get<Committee[]>(`/alliances/${id}/committees`).then(setCommittees, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(); allianceWithAllMembers(id!).then(setAlliance, () => undefined); }, [id]);
  if (!committees) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  const isCoordinator = roleAtLeast(alliance?.role, 'admin');

  async function create(event: FormEvent) {
    event.preventDefault();
    try {
      await api.post(`/alliances/${id}/committees`, { name, purpose: purpose || null });
      setName(''); setPurpose(''); setError(null);
      await load();
    } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <article className="flex flex-col gap-4">
      <p className="text-sm"><Link className="underline" to={`/alliances/${id}/decisions`}>{alliance?.alliance.name ?? t('decisions.proposals')}</Link></p>
      <h1 className="text-2xl font-bold">{t('decisions.committees')}</h1>
      {committees.length === 0 && <p className="text-stone-600">{t('decisions.noCommittees')}</p>}
      {committees.map((c) => (
        <section key={c.id} aria-labelledby={`committee-${c.id}`} className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id={`committee-${c.id}`} className="text-lg font-semibold">{c.name}</h2>
            <Link className="text-sm underline" to={`/discussions/committee/${c.id}`}>{t('discussions.title')}</Link>
          </div>
          {c.purpose && <p className="text-sm">{c.purpose}</p>}
          <table className="text-sm">
            <thead><tr><th className="text-left">{t('membership.member')}</th><th className="text-left">{t('decisions.seat')}</th><th className="text-left">{t('decisions.holder')}</th><th className="text-left">{t('decisions.term')}</th><th /></tr></thead>
            <tbody>
              {c.seats.map((s) => (
                <tr key={s.id} className="border-t border-stone-100">
                  <td>{s.organizationName}</td><td>{t(`decisions.seats_.${s.seat}`)}</td><td>{s.personName ?? <em>{t('alliance.notShared')}</em>}</td>
                  <td>{[s.termStartsOn, s.termEndsOn].filter(Boolean).join(' – ')}</td>
                  <td>{isCoordinator && <button type="button" className="text-sm underline" onClick={() => void api.delete(`/committee-seats/${s.id}`).then(load)}>{t('common.remove')}</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {isCoordinator && alliance && <SeatForm committeeId={c.id} alliance={alliance} onSeated={load} />}
        </section>
      ))}
      {isCoordinator && (
        <form onSubmit={create} className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3" aria-labelledby="new-committee-title">
          <h2 id="new-committee-title" className="font-semibold">{t('decisions.newCommittee')}</h2>
          <Field label={t('decisions.committeeName')}>{(p) => <input {...p} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
          <Field label={t('decisions.purpose')}>{(p) => <input {...p} className={inputClass} value={purpose} onChange={(e) => setPurpose(e.target.value)} />}</Field>
          <div><button type="submit" className={buttonClass}>{t('decisions.createCommittee')}</button></div>
        </form>
      )}
      <ErrorBanner message={error} />
    </article>
  );
}

/** Seats one of a member's representatives (people the alliance can see) on the committee. */
function SeatForm({ committeeId, alliance, onSeated }: { committeeId: string; alliance: AlliancePageResult; onSeated: () => void }) {
  const { t } = useTranslation();
  const members = alliance.members.filter((m) => m.status === 'active');
  const [memberId, setMemberId] = useState(members[0]?.memberId ?? '');
  const [personId, setPersonId] = useState('');
  const [seat, setSeat] = useState('permanent');
  const [termEndsOn, setTermEndsOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const people = members.find((m) => m.memberId === memberId)?.representatives.filter((r) => r.personId) ?? [];
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await api.post(`/committees/${committeeId}/seats`, { organizationId: memberId, personId, seat, termEndsOn: termEndsOn || null });
      setError(null);
      onSeated();
    } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <form onSubmit={submit} className="grid grid-cols-1 gap-2 sm:grid-cols-5" aria-label={t('decisions.addSeat')}>
      <Field label={t('membership.member')}>{(p) => <select {...p} className={inputClass} value={memberId} onChange={(e) => { setMemberId(e.target.value); setPersonId(''); }}>{members.map((m) => <option key={m.memberId} value={m.memberId}>{m.name}</option>)}</select>}</Field>
      <Field label={t('decisions.holder')}>{(p) => <select {...p} className={inputClass} value={personId} onChange={(e) => setPersonId(e.target.value)}><option value="">{t('decisions.choosePerson')}</option>{people.map((r) => <option key={r.id} value={r.personId}>{r.name}</option>)}</select>}</Field>
      <Field label={t('decisions.seat')}>{(p) => <select {...p} className={inputClass} value={seat} onChange={(e) => setSeat(e.target.value)}>{['permanent', 'alternate'].map((s) => <option key={s} value={s}>{t(`decisions.seats_.${s}`)}</option>)}</select>}</Field>
      <Field label={t('decisions.termEndsOn')}>{(p) => <input {...p} type="date" className={inputClass} value={termEndsOn} onChange={(e) => setTermEndsOn(e.target.value)} />}</Field>
      <div className="self-end"><button type="submit" className={secondaryButtonClass}>{t('decisions.addSeat')}</button></div>
      <div className="sm:col-span-5"><ErrorBanner message={error} /></div>
    </form>
  );
}
