import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEMBERSHIP_STATUSES } from '../../../orgs/organization.vocab.ts';
import { memberPage } from '../../alliance-members.ts';
import { api, errorText } from '../../api.ts';
import { ErrorBanner, Tag, secondaryButtonClass } from '../../components/Field.tsx';
import type { MemberView } from '../../types.ts';

// An alliance can have hundreds of members: the page shows them a page at a time, and a member
// alliance's own members only once the reader opens them.
export const MEMBER_PAGE = 50;

/**
 * Members of one alliance, with a "Show more" button while some are not shown yet. `first` is the
 * page that came with the alliance page; without it (a member alliance) the first page is loaded.
 * `onChange` is told after a member's status changed here, so the page can recount.
 */
export function MemberList({ allianceId, first, canEdit, onChange, depth = 0 }: {
  allianceId: string; first?: { items: MemberView[]; total: number }; canEdit: boolean; onChange: () => void; depth?: number;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<{ items: MemberView[]; total: number } | null>(first ?? null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // After "Show more", keyboard focus moves to the first member just shown, not back to the top.
  const focusId = useRef<string | null>(null);

  useEffect(() => setShown(first ?? null), [first]);
  useEffect(() => {
    if (!first) memberPage(allianceId, { offset: 0, limit: MEMBER_PAGE }).then(setShown, (err: unknown) => setError(errorText(t, err)));
  }, [allianceId, first]);
  useEffect(() => {
    if (focusId.current) document.getElementById(`member-${focusId.current}`)?.focus();
    focusId.current = null;
  }, [shown?.items.length]);

  async function showMore() {
    if (!shown) return;
    setLoading(true);
    setError(null);
    try {
      const next = await memberPage(allianceId, { offset: shown.items.length, limit: MEMBER_PAGE });
      focusId.current = next.items[0]?.id ?? null;
      setShown({ items: [...shown.items, ...next.items], total: next.total });
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setLoading(false);
    }
  }

  if (!shown) return error ? <ErrorBanner message={error} /> : <p role="status" className="text-sm">{t('common.loading')}</p>;
  if (shown.total === 0) return <p className="text-sm text-stone-600">{t('alliance.noMembers')}</p>;
  return (
    <div className={`flex flex-col gap-2 ${depth > 0 ? 'mt-2 border-l-2 border-stone-200 pl-3' : ''}`}>
      <ul className="flex flex-col gap-2">
        {shown.items.map((m) => <Member key={m.id} member={m} canEdit={canEdit && depth === 0} onChange={onChange} depth={depth}
          onStatus={(status) => { setShown({ ...shown, items: shown.items.map((x) => (x.id === m.id ? { ...x, status } : x)) }); onChange(); }} />)}
      </ul>
      <p className="text-sm text-stone-600" aria-live="polite">{t('alliance.shownOf', { shown: shown.items.length, total: shown.total })}</p>
      <ErrorBanner message={error} />
      {shown.items.length < shown.total && (
        <div><button type="button" className={secondaryButtonClass} disabled={loading} onClick={() => void showMore()}>{loading ? t('common.loading') : t('alliance.showMore')}</button></div>
      )}
    </div>
  );
}

function Member({ member: m, canEdit, onChange, onStatus, depth }: {
  member: MemberView; canEdit: boolean; onChange: () => void; onStatus: (status: string) => void; depth: number;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <li id={`member-${m.id}`} tabIndex={-1} className="rounded border border-stone-100 p-2">
      <div className="flex flex-wrap items-center gap-2">
        <Link className="font-medium text-amber-900 underline-offset-2 hover:underline" to={m.kind === 'alliance' ? `/alliances/${m.memberId}` : `/organizations/${m.memberId}`}>{m.name}</Link>
        <Tag>{t(`enum.role.${m.role}`)}</Tag>
        {m.status !== 'active' && <Tag>{t(`enum.status.${m.status}`)}</Tag>}
        {m.kind === 'alliance' && <Tag>{t('enum.kind.alliance')}</Tag>}
        {!m.hasLeaderRepresentative && m.status !== 'left' && m.status !== 'prospect' && <span className="text-xs font-medium text-amber-800">{t('alliance.noLeaderRep')}</span>}
        {canEdit && <MembershipStatus membership={m} onStatus={onStatus} />}
      </div>
      {m.representatives.length > 0 && (
        <ul className="mt-1 text-sm text-stone-700" aria-label={t('alliance.representatives')}>
          {m.representatives.map((r) => <li key={r.id}>{t(`enum.seat.${r.seat}`)}: {r.name ?? <em>{t('alliance.notShared')}</em>}</li>)}
        </ul>
      )}
      {m.memberCount !== null && m.memberCount > 0 && depth < 8 && (
        <details className="mt-1" onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary className="cursor-pointer text-sm">{t('alliance.nestedMembers', { count: m.memberCount })}</summary>
          {open && <MemberList allianceId={m.memberId} canEdit={false} onChange={onChange} depth={depth + 1} />}
        </details>
      )}
    </li>
  );
}

function MembershipStatus({ membership, onStatus }: { membership: MemberView; onStatus: (status: string) => void }) {
  const { t } = useTranslation();
  return (
    <label className="ml-auto flex items-center gap-1 text-sm">
      <span className="sr-only">{t('membership.statusOf', { name: membership.name })}</span>
      <select className="rounded border border-stone-300 px-1 py-0.5" value={membership.status}
        onChange={(e) => void api.patch<{ status: string }>(`/memberships/${membership.id}`, { status: e.target.value }).then((saved) => onStatus(saved.status))}>
        {MEMBERSHIP_STATUSES.map((s) => <option key={s} value={s}>{t(`enum.status.${s}`)}</option>)}
      </select>
    </label>
  );
}
