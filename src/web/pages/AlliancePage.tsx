import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MEMBERSHIP_ROLES } from '../../orgs/organization.vocab.ts';
import { memberPage } from '../alliance-members.ts';
import { api, ApiError, query, errorText } from '../api.ts';
import { ErrorBanner, buttonClass, inputClass, Field, secondaryButtonClass } from '../components/Field.tsx';
import { useSession } from '../session.tsx';
import type { AlliancePageResult, CoRepresentationGap, DirectoryEntry, DirectoryPageResult, MemberView } from '../types.ts';
import { MEMBER_PAGE, MemberList } from './alliance/MemberList.tsx';
import { OrganizationFacts } from './OrganizationFacts.tsx';
import { roleAtLeast } from '../../spaces/roles.ts';

export function AlliancePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [page, setPage] = useState<AlliancePageResult | null>(null);
  // The first page of members given to the list: replaced when a member is added, not when the
  // counts are refreshed, so that the members already shown stay shown.
  const [first, setFirst] = useState<{ items: MemberView[]; total: number } | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const load = (withMembers: boolean) => api.get<AlliancePageResult>(`/alliances/${id}`).then((p) => {
    setPage(p);
    if (withMembers) setFirst({ items: p.members, total: p.membersTotal });
  }, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(true); }, [id]);

  if (error) return <ErrorBanner message={error} />;
  if (!page || !first) return <p role="status">{t('common.loading')}</p>;
  const { alliance } = page;
  const canEdit = roleAtLeast(page.role, 'member');

  return (
    <article className="flex flex-col gap-4">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold">{alliance.name}</h1>
          <p className="text-stone-600">{t('alliance.memberCount', { count: page.membersNotLeft })}</p>
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
          {page.role && <Link className="rounded border px-3 py-1.5" to={`/alliances/${alliance.id}/metrics`}>{t('metrics.title')}</Link>}
          {page.role && <Link className="rounded border px-3 py-1.5" to={`/alliances/${alliance.id}/surveys`}>{t('survey.title')}</Link>}
          {page.role && <Link className="rounded border px-3 py-1.5" to={`/discussions/alliance/${alliance.id}`}>{t('discussions.title')}</Link>}
          {page.role && <Link className="rounded border px-3 py-1.5" to={`/alliances/${alliance.id}/updates`}>{t('updates.title')}</Link>}
          {alliance.ownSpaceId && page.role && <Link className="rounded border px-3 py-1.5" to={`/spaces/${alliance.ownSpaceId}/library`}>{t('library.title')}</Link>}
          {page.role && <Link className="rounded border px-3 py-1.5" to={`/organizations/${alliance.id}/power-maps`}>{t('powerMap.titlePlural')}</Link>}
          {alliance.ownSpaceId && page.role && <Link className="rounded border px-3 py-1.5" to={`/spaces/${alliance.ownSpaceId}`}>{t('nav.space')}</Link>}
          {canEdit && <Link className="rounded border px-3 py-1.5" to={`/organizations/${alliance.id}/edit`}>{t('common.edit')}</Link>}
        </div>
      </header>
      <OrganizationFacts org={alliance} />
      {page.coRepresentationGapsTotal > 0 && <CoRepresentationGaps allianceId={alliance.id} first={page.coRepresentationGaps} total={page.coRepresentationGapsTotal} />}
      <section aria-labelledby="members-title" className="rounded border border-stone-200 bg-white p-3">
        <h2 id="members-title" className="mb-2 text-lg font-semibold">{t('alliance.members')}</h2>
        <MemberList allianceId={alliance.id} first={first} canEdit={canEdit} onChange={() => void load(false)} />
      </section>
      {canEdit && <AddMember allianceId={alliance.id} onAdded={() => void load(true)} />}
    </article>
  );
}

/** Current members without a leader representative: counted across the alliance, named a page at a time. */
function CoRepresentationGaps({ allianceId, first, total }: { allianceId: string; first: CoRepresentationGap[]; total: number }) {
  const { t } = useTranslation();
  const [more, setMore] = useState<CoRepresentationGap[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setMore([]), [first]);
  const shown = [...first, ...more];
  async function showMore() {
    try {
      const next = await memberPage(allianceId, { offset: shown.length, limit: MEMBER_PAGE, withoutLeader: true });
      setMore([...more, ...next.items.map((m) => ({ membershipId: m.id, memberId: m.memberId, name: m.name, hasStaffRepresentative: m.hasStaffRepresentative }))]);
    } catch (err) {
      setError(errorText(t, err));
    }
  }
  return (
    <section aria-labelledby="gaps-title" className="rounded border border-amber-300 bg-amber-50 p-3">
      <h2 id="gaps-title" className="font-semibold">{t('alliance.coRepresentationTitle')}</h2>
      <p className="text-sm">{t('alliance.coRepresentationHelp')}</p>
      <p className="text-sm font-medium">{t('alliance.gapCount', { count: total })}</p>
      <ul className="mt-1 list-disc pl-5">
        {shown.map((g) => <li key={g.membershipId}>{g.name}</li>)}
      </ul>
      <ErrorBanner message={error} />
      {shown.length < total && <button type="button" className={`mt-1 ${secondaryButtonClass}`} onClick={() => void showMore()}>{t('alliance.showMoreGaps')}</button>}
    </section>
  );
}

function AddMember({ allianceId, onAdded }: { allianceId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<DirectoryEntry[]>([]);
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
