import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MEMBERSHIP_ROLES, MEMBERSHIP_STATUSES } from '../../orgs/organization.vocab.ts';
import { api, ApiError, query, errorText } from '../api.ts';
import { ErrorBanner, Tag, buttonClass, inputClass, Field } from '../components/Field.tsx';
import { useSession } from '../session.tsx';
import type { AlliancePageResult, DirectoryPageResult, MemberView, Organization } from '../types.ts';
import { OrganizationFacts } from './OrganizationFacts.tsx';

export function AlliancePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [page, setPage] = useState<AlliancePageResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => api.get<AlliancePageResult>(`/alliances/${id}`).then(setPage, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(); }, [id]);

  if (error) return <ErrorBanner message={error} />;
  if (!page) return <p role="status">{t('common.loading')}</p>;
  const { alliance } = page;
  const canEdit = page.role === 'owner' || page.role === 'admin' || page.role === 'member';
  const count = page.members.filter((m) => m.status !== 'left').length;

  return (
    <article className="flex flex-col gap-4">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold">{alliance.name}</h1>
          <p className="text-stone-600">{t('alliance.memberCount', { count })}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {page.role && <Link className="rounded border px-3 py-1.5" to={`/alliances/${alliance.id}/decisions`}>{t('decisions.proposals')}</Link>}
          {page.role && <Link className="rounded border px-3 py-1.5" to={`/organizations/${alliance.id}/convenings`}>{t('convenings.title')}</Link>}
          {page.role && <Link className="rounded border px-3 py-1.5" to={`/organizations/${alliance.id}/work-plans`}>{t('plans.workPlans')}</Link>}
          {page.role && <Link className="rounded border px-3 py-1.5" to={`/organizations/${alliance.id}/campaigns`}>{t('campaigns.title')}</Link>}
          {page.role && <Link className="rounded border px-3 py-1.5" to={`/alliances/${alliance.id}/charter`}>{t('charter.title')}</Link>}
          {page.role && <Link className="rounded border px-3 py-1.5" to={`/alliances/${alliance.id}/alerts`}>{t('alerts.title')}</Link>}
          {page.role && <Link className="rounded border px-3 py-1.5" to={`/alliances/${alliance.id}/network`}>{t('network.title')}</Link>}
          {page.role && <Link className="rounded border px-3 py-1.5" to={`/alliances/${alliance.id}/allies`}>{t('allies.title')}</Link>}
          {page.role && <Link className="rounded border px-3 py-1.5" to={`/organizations/${alliance.id}/power-maps`}>{t('powerMap.titlePlural')}</Link>}
          {alliance.ownSpaceId && page.role && <Link className="rounded border px-3 py-1.5" to={`/spaces/${alliance.ownSpaceId}`}>{t('nav.space')}</Link>}
          {canEdit && <Link className="rounded border px-3 py-1.5" to={`/organizations/${alliance.id}/edit`}>{t('common.edit')}</Link>}
        </div>
      </header>
      <OrganizationFacts org={alliance} />
      {page.coRepresentationGaps.length > 0 && (
        <section aria-labelledby="gaps-title" className="rounded border border-amber-300 bg-amber-50 p-3">
          <h2 id="gaps-title" className="font-semibold">{t('alliance.coRepresentationTitle')}</h2>
          <p className="text-sm">{t('alliance.coRepresentationHelp')}</p>
          <ul className="mt-1 list-disc pl-5">
            {page.coRepresentationGaps.map((g) => <li key={g.membershipId}>{g.name}</li>)}
          </ul>
        </section>
      )}
      <section aria-labelledby="members-title" className="rounded border border-stone-200 bg-white p-3">
        <h2 id="members-title" className="mb-2 text-lg font-semibold">{t('alliance.members')}</h2>
        {page.members.length === 0 ? <p className="text-sm text-stone-600">{t('alliance.noMembers')}</p> : <MemberList members={page.members} canEdit={canEdit} onChange={load} />}
      </section>
      {canEdit && <AddMember allianceId={alliance.id} onAdded={load} />}
    </article>
  );
}

function MemberList({ members, canEdit, onChange, depth = 0 }: { members: MemberView[]; canEdit: boolean; onChange: () => void; depth?: number }) {
  const { t } = useTranslation();
  return (
    <ul className={`flex flex-col gap-2 ${depth > 0 ? 'mt-2 border-l-2 border-stone-200 pl-3' : ''}`}>
      {members.map((m) => (
        <li key={m.id} className="rounded border border-stone-100 p-2">
          <div className="flex flex-wrap items-center gap-2">
            <Link className="font-medium text-amber-900 underline-offset-2 hover:underline" to={m.kind === 'alliance' ? `/alliances/${m.memberId}` : `/organizations/${m.memberId}`}>{m.name}</Link>
            <Tag>{t(`enum.role.${m.role}`)}</Tag>
            {m.status !== 'active' && <Tag>{t(`enum.status.${m.status}`)}</Tag>}
            {m.kind === 'alliance' && <Tag>{t('enum.kind.alliance')}</Tag>}
            {!m.hasLeaderRepresentative && m.status !== 'left' && m.status !== 'prospect' && <span className="text-xs font-medium text-amber-800">{t('alliance.noLeaderRep')}</span>}
            {canEdit && depth === 0 && <MembershipStatus membership={m} onChange={onChange} />}
          </div>
          {m.representatives.length > 0 && (
            <ul className="mt-1 text-sm text-stone-700" aria-label={t('alliance.representatives')}>
              {m.representatives.map((r) => <li key={r.id}>{t(`enum.seat.${r.seat}`)}: {r.name ?? <em>{t('alliance.notShared')}</em>}</li>)}
            </ul>
          )}
          {m.members && m.members.length > 0 && (
            <details className="mt-1">
              <summary className="cursor-pointer text-sm">{t('alliance.nestedMembers', { count: m.members.length })}</summary>
              <MemberList members={m.members} canEdit={false} onChange={onChange} depth={depth + 1} />
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}

function MembershipStatus({ membership, onChange }: { membership: MemberView; onChange: () => void }) {
  const { t } = useTranslation();
  return (
    <label className="ml-auto flex items-center gap-1 text-sm">
      <span className="sr-only">{t('membership.statusOf', { name: membership.name })}</span>
      <select className="rounded border border-stone-300 px-1 py-0.5" value={membership.status}
        onChange={(e) => void api.patch(`/memberships/${membership.id}`, { status: e.target.value }).then(onChange)}>
        {MEMBERSHIP_STATUSES.map((s) => <option key={s} value={s}>{t(`enum.status.${s}`)}</option>)}
      </select>
    </label>
  );
}

function AddMember({ allianceId, onAdded }: { allianceId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Organization[]>([]);
  const [memberId, setMemberId] = useState('');
  const [role, setRole] = useState('member');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const handle = setTimeout(() => api.get<DirectoryPageResult>(`/organizations${query({ q, limit: 20 })}`).then((r) => setOptions(r.items.filter((o) => o.id !== allianceId)), () => undefined), 200);
    return () => clearTimeout(handle);
  }, [q]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!memberId) { setError(t('membership.chooseMember')); return; }
    try {
      await api.post(`/alliances/${allianceId}/members`, { memberId, role, status: 'active' });
      setMemberId('');
      onAdded();
    } catch (err) {
      setError(errorText(t, err));
    }
  }
  if (!me) return null;
  return (
    <form onSubmit={submit} className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3" aria-labelledby="add-member-title">
      <h2 id="add-member-title" className="font-semibold">{t('alliance.addMember')}</h2>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        <Field label={t('directory.search')}>{(p) => (<input {...p} type="search" className={inputClass} value={q} onChange={(e) => setQ(e.target.value)} />)}</Field>
        <Field label={t('membership.member')}>{(p) => (<select {...p} className={inputClass} value={memberId} onChange={(e) => setMemberId(e.target.value)}>
            <option value="">{t('membership.chooseMember')}</option>
            {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>)}</Field>
        <Field label={t('membership.role')}>{(p) => (<select {...p} className={inputClass} value={role} onChange={(e) => setRole(e.target.value)}>
            {MEMBERSHIP_ROLES.map((r) => <option key={r} value={r}>{t(`enum.role.${r}`)}</option>)}
          </select>)}</Field>
      </div>
      <ErrorBanner message={error} />
      <div><button type="submit" className={buttonClass}>{t('alliance.addMember')}</button></div>
    </form>
  );
}
