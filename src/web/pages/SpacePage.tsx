import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { GRANT_SCOPES, SPACE_ROLES } from '../../spaces/roles.ts';
import { api, ApiError, errorText } from '../api.ts';
import { ErrorBanner, Tag, buttonClass, inputClass, Field } from '../components/Field.tsx';
import { useSession } from '../session.tsx';
import { roleAtLeast } from '../../spaces/roles.ts';
import { formatDateTime } from '../dates.ts';
import { FirewallSection } from './FirewallSection.tsx';
import { LeaveSection } from './LeaveSection.tsx';
import { AuditLog, type AuditRow } from './AuditLog.tsx';

interface Grant { id: string; scope: string; createdAt: string; revokedAt: string | null; fromSpaceId: string; fromSpaceName: string; toSpaceId: string; toSpaceName: string }
interface RoleRow { userId: string; email: string; displayName: string; role: string }

export function SpacePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { me } = useSession();
  const space = me?.spaces.find((s) => s.id === id);
  const [grants, setGrants] = useState<Grant[]>([]);
  const [roles, setRoles] = useState<RoleRow[] | null>(null);
  const [audit, setAudit] = useState<AuditRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isAdmin = roleAtLeast(space?.role, 'admin');

  const load = () => {
    void api.get<Grant[]>(`/spaces/${id}/grants`).then(setGrants, (e: unknown) => setError(errorText(t, e)));
    if (isAdmin) void api.get<RoleRow[]>(`/spaces/${id}/roles`).then(setRoles);
    if (space?.role === 'owner') void api.get<AuditRow[]>(`/spaces/${id}/audit`).then(setAudit);
  };
  useEffect(load, [id, space?.role]);
  if (!space) return <ErrorBanner message={t('common.notFound')} />;

  const given = grants.filter((g) => g.fromSpaceId === id);
  const received = grants.filter((g) => g.toSpaceId === id && !g.revokedAt);
  const date = (s: string) => formatDateTime(s);

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{space.name}</h1>
      <p className="flex flex-wrap items-center gap-2"><Tag>{t(`spaces.kind.${space.kind}`)}</Tag><Tag>{t(`enum.spaceRole.${space.role}`)}</Tag>
        <Link className="underline" to={`/spaces/${id}/people`}>{t('nav.people')}</Link>
        <Link className="underline" to={`/spaces/${id}/contacts`}>{t('nav.contacts')}</Link>
        <Link className="underline" to={`/spaces/${id}/funding`}>{t('funding.title')}</Link>
        {space.kind === 'organization' && <Link className="underline" to={`/spaces/${id}/overlap`}>{t('overlap.title')}</Link>}
        <Link className="underline" to={`/spaces/${id}/library`}>{t('library.title')}</Link></p>
      <ErrorBanner message={error} />
      <section aria-labelledby="grants-title" className="rounded border border-stone-200 bg-white p-3">
        <h2 id="grants-title" className="text-lg font-semibold">{t('grants.title')}</h2>
        <p className="text-sm text-stone-600">{t('grants.help')}</p>
        <h3 className="mt-2 font-medium">{t('grants.given')}</h3>
        {given.length === 0 ? <p className="text-sm">{t('grants.noneGiven')}</p> : (
          <ul className="flex flex-col gap-1">
            {given.map((g) => (
              <li key={g.id} className="flex flex-wrap items-center gap-2 text-sm">
                <span>{t(`enum.scope.${g.scope}`)} → {g.toSpaceName}</span>
                {g.revokedAt ? <Tag>{t('grants.revokedOn', { date: date(g.revokedAt) })}</Tag> : isAdmin && (
                  <button type="button" className="rounded border px-2 py-0.5" onClick={() => void api.delete(`/grants/${g.id}`).then(load)}>{t('grants.revoke')}</button>
                )}
              </li>
            ))}
          </ul>
        )}
        <h3 className="mt-2 font-medium">{t('grants.received')}</h3>
        {received.length === 0 ? <p className="text-sm">{t('grants.noneReceived')}</p> : (
          <ul className="text-sm">{received.map((g) => <li key={g.id}>{g.fromSpaceName}: {t(`enum.scope.${g.scope}`)}</li>)}</ul>
        )}
        {isAdmin && <GrantForm spaceId={id!} onDone={load} />}
      </section>
      <FirewallSection spaceId={id!} isOwner={space.role === 'owner'} />
      {roles && (
        <section aria-labelledby="roles-title" className="rounded border border-stone-200 bg-white p-3">
          <h2 id="roles-title" className="text-lg font-semibold">{t('roles.title')}</h2>
          <ul className="text-sm">{roles.map((r) => <li key={r.userId}>{r.displayName} ({r.email}) — {t(`enum.spaceRole.${r.role}`)}</li>)}</ul>
          <RoleForm spaceId={id!} onDone={load} />
        </section>
      )}
      {audit && (
        <section aria-labelledby="audit-title" className="rounded border border-stone-200 bg-white p-3">
          <h2 id="audit-title" className="text-lg font-semibold">{t('audit.title')}</h2>
          <AuditLog rows={audit} />
        </section>
      )}
      {space.role === 'owner' && space.kind === 'organization' && <LeaveSection spaceId={id!} name={space.name} onPurged={() => { window.location.href = '/spaces'; }} />}
    </section>
  );
}

function GrantForm({ spaceId, onDone }: { spaceId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [to, setTo] = useState('');
  const [scope, setScope] = useState('profile');
  const [error, setError] = useState<string | null>(null);
  // Grants usually go to an alliance the organization belongs to; the person must know its space.
  const targets = (me?.spaces ?? []).filter((s) => s.id !== spaceId && s.kind === 'alliance');
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try { await api.post(`/spaces/${spaceId}/grants`, { toSpaceId: to, scope }); onDone(); } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <form onSubmit={submit} className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-end">
      <Field label={t('grants.to')}>{(p) => (<select {...p} className={inputClass} value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="">{t('grants.chooseSpace')}</option>
          {targets.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>)}</Field>
      <Field label={t('grants.scope')}>{(p) => (<select {...p} className={inputClass} value={scope} onChange={(e) => setScope(e.target.value)}>
          {GRANT_SCOPES.map((s) => <option key={s} value={s}>{t(`enum.scope.${s}`)}</option>)}
        </select>)}</Field>
      <button type="submit" className={buttonClass}>{t('grants.give')}</button>
      <ErrorBanner message={error} />
    </form>
  );
}

function RoleForm({ spaceId, onDone }: { spaceId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('member');
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try { await api.put(`/spaces/${spaceId}/roles`, { email, role }); setEmail(''); onDone(); } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <form onSubmit={submit} className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-end">
      <Field label={t('signIn.email')}>{(p) => (<input {...p} type="email" className={inputClass} value={email} onChange={(e) => setEmail(e.target.value)} />)}</Field>
      <Field label={t('roles.role')}>{(p) => (<select {...p} className={inputClass} value={role} onChange={(e) => setRole(e.target.value)}>
          {SPACE_ROLES.map((r) => <option key={r} value={r}>{t(`enum.spaceRole.${r}`)}</option>)}
        </select>)}</Field>
      <button type="submit" className={buttonClass}>{t('roles.set')}</button>
      <ErrorBanner message={error} />
    </form>
  );
}
