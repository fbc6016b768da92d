import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MEMBERSHIP_ROLES } from '../../orgs/organization.vocab.ts';
import { api, ApiError, errorText } from '../api.ts';
import { ErrorBanner, Tag, buttonClass, inputClass, Field } from '../components/Field.tsx';
import { useSession } from '../session.tsx';
import type { OrganizationPageResult } from '../types.ts';
import { OrganizationFacts } from './OrganizationFacts.tsx';

export function OrganizationPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { me } = useSession();
  const [page, setPage] = useState<OrganizationPageResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => api.get<OrganizationPageResult>(`/organizations/${id}`).then(setPage, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(); }, [id]);

  if (error) return <ErrorBanner message={error} />;
  if (!page) return <p role="status">{t('common.loading')}</p>;
  const org = page.organization;
  const writable = me?.spaces.some((s) => s.id === org.spaceId && s.role !== 'viewer');
  const ownSpace = me?.spaces.find((s) => s.id === org.ownSpaceId);

  return (
    <article className="flex flex-col gap-4">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold">{org.name}{org.shortName ? ` (${org.shortName})` : ''}</h1>
          <p className="text-stone-600">{t(`enum.kind.${org.kind}`)}</p>
        </div>
        <div className="flex gap-2">
          {org.kind === 'alliance' && <Link className="rounded border px-3 py-1.5" to={`/alliances/${org.id}`}>{t('org.alliancePage')}</Link>}
          {ownSpace && <Link className="rounded border px-3 py-1.5" to={`/spaces/${ownSpace.id}/people`}>{t('nav.people')}</Link>}
          {writable && <Link className="rounded border px-3 py-1.5" to={`/organizations/${org.id}/edit`}>{t('common.edit')}</Link>}
        </div>
      </header>
      <OrganizationFacts org={org} />
      <section aria-labelledby="alliances-title" className="rounded border border-stone-200 bg-white p-3">
        <h2 id="alliances-title" className="mb-2 font-semibold">{t('org.alliances')}</h2>
        {page.alliances.length === 0 ? <p className="text-sm text-stone-600">{t('org.noAlliances')}</p> : (
          <ul className="flex flex-col gap-1">
            {page.alliances.map((a) => (
              <li key={a.id}>
                <Link className="text-amber-900 underline" to={`/alliances/${a.allianceId}`}>{a.name}</Link>{' '}
                <Tag>{t(`enum.role.${a.role}`)}</Tag> <Tag>{t(`enum.status.${a.status}`)}</Tag>
                {a.startedOn && <span className="text-sm text-stone-600"> · {t('membership.since', { date: a.startedOn })}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <AddToAlliance organizationId={org.id} onAdded={load} />
    </article>
  );
}

/** Adds this organization to an alliance whose space the person may change. */
function AddToAlliance({ organizationId, onAdded }: { organizationId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const alliances = (me?.spaces ?? []).filter((s) => s.kind === 'alliance' && s.role !== 'viewer' && s.organizationId && s.organizationId !== organizationId);
  const [allianceId, setAllianceId] = useState('');
  const [role, setRole] = useState('member');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (alliances.length === 0) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setMessage(null);
    if (!allianceId) { setError(t('membership.chooseAlliance')); return; }
    try {
      await api.post(`/alliances/${allianceId}/members`, { memberId: organizationId, role, status: 'active' });
      setMessage(t('membership.added'));
      onAdded();
    } catch (err) {
      setError(errorText(t, err));
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3 sm:flex-row sm:items-end" aria-labelledby="add-to-alliance">
      <h2 id="add-to-alliance" className="font-semibold sm:sr-only">{t('membership.addTo')}</h2>
      <Field label={t('membership.alliance')}>{(p) => (<select {...p} className={inputClass} value={allianceId} onChange={(e) => setAllianceId(e.target.value)}>
          <option value="">{t('membership.chooseAlliance')}</option>
          {alliances.map((a) => <option key={a.organizationId} value={a.organizationId!}>{a.name}</option>)}
        </select>)}</Field>
      <Field label={t('membership.role')}>{(p) => (<select {...p} className={inputClass} value={role} onChange={(e) => setRole(e.target.value)}>
          {MEMBERSHIP_ROLES.map((r) => <option key={r} value={r}>{t(`enum.role.${r}`)}</option>)}
        </select>)}</Field>
      <button type="submit" className={buttonClass}>{t('membership.addTo')}</button>
      {message && <p role="status" className="text-sm text-green-800">{message}</p>}
      <ErrorBanner message={error} />
    </form>
  );
}
