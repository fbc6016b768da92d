import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { allMembersOf } from '../../alliance-members.ts';
import { api, errorText } from '../../api.ts';
import { ErrorBanner, inputClass, secondaryButtonClass, Tag } from '../../components/Field.tsx';
import { formatDateTime } from '../../dates.ts';
import { Composer, type Mentionable } from './Composer.tsx';

interface ThreadList {
  subject: { kind: string; id: string; name: string; spaceId: string }; canPost: boolean;
  threads: { id: string; title: string; lastPostAt: string; postCount: number; unread: number; subscribed: boolean }[];
}
const SUBJECT_PAGES: Record<string, (id: string) => string> = {
  alliance: (id) => `/alliances/${id}`, campaign: (id) => `/campaigns/${id}`, proposal: (id) => `/proposals/${id}`,
  convening: (id) => `/convenings/${id}`, work_plan: (id) => `/work-plans/${id}`, committee: () => '',
};
export const subjectPage = (kind: string, id: string) => SUBJECT_PAGES[kind]?.(id) ?? '';

/** The discussions on one alliance, committee, campaign, proposal, convening or work plan. */
export function ThreadsPage() {
  const { kind = '', id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [list, setList] = useState<ThreadList | null>(null);
  const [orgs, setOrgs] = useState<Mentionable[]>([]);
  const [q, setQ] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { void api.get<ThreadList>(`/discussions/${kind}/${id}/threads`).then(setList, (err: unknown) => setError(errorText(t, err))); }, [kind, id]);
  useEffect(() => { if (kind === 'alliance') void allMembersOf(id).then((m) => setOrgs(m.map((x) => ({ kind: 'org', id: x.memberId, name: x.name }))), () => undefined); }, [kind, id]);
  if (!list) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  const search = (event: FormEvent) => { event.preventDefault(); if (q.trim().length >= 2) navigate(`/discussions/search?q=${encodeURIComponent(q.trim())}`); };
  const back = subjectPage(kind, id);
  return (
    <article className="flex flex-col gap-4">
      {back && <p className="text-sm"><Link className="underline" to={back}>{list.subject.name}</Link></p>}
      <h1 className="text-2xl font-bold">{t('discussions.titleOf', { name: list.subject.name })}</h1>
      <form onSubmit={search} role="search" className="flex gap-2">
        <input aria-label={t('discussions.search')} className={inputClass} value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('discussions.searchPlaceholder')} />
        <button type="submit" className={secondaryButtonClass}>{t('discussions.search')}</button>
      </form>
      {list.threads.length === 0 && <p className="text-stone-600">{t('discussions.none')}</p>}
      <ul className="flex flex-col gap-2">
        {list.threads.map((th) => (
          <li key={th.id} className={`rounded border p-3 ${th.unread ? 'border-amber-300 bg-amber-50' : 'border-stone-200 bg-white'}`}>
            <Link className="font-semibold underline" to={`/threads/${th.id}`}>{th.title}</Link>
            {th.unread > 0 && <> <Tag>{t('discussions.unread', { count: th.unread })}</Tag></>}
            <p className="text-sm text-stone-700">{t('discussions.posts', { count: th.postCount })} · {formatDateTime(th.lastPostAt)}{th.subscribed ? ` · ${t('discussions.following')}` : ''}</p>
          </li>
        ))}
      </ul>
      <ErrorBanner message={error} />
      {list.canPost && (
        <section aria-labelledby="new-thread" className="rounded border border-stone-200 bg-white p-3">
          <h2 id="new-thread" className="font-semibold">{t('discussions.newThread')}</h2>
          <Composer withTitle label={t('discussions.firstPost')} submitLabel={t('discussions.start')} mentionable={orgs} spaceId={list.subject.spaceId} onSubmit={async (input) => {
            try { const created = await api.post<{ id: string }>(`/discussions/${kind}/${id}/threads`, input); navigate(`/threads/${created.id}`); return true; }
            catch (err) { setError(errorText(t, err)); return false; }
          }} />
        </section>
      )}
    </article>
  );
}

/** Posts matching words in English or Spanish, in the spaces the reader belongs to. */
export function DiscussionSearchPage() {
  const { t } = useTranslation();
  const params = new URLSearchParams(window.location.search);
  const [q, setQ] = useState(params.get('q') ?? '');
  const [results, setResults] = useState<{ id: string; threadId: string; threadTitle: string; author: string | null; createdAt: string; snippet: string }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (words: string) => {
    try { setResults((await api.get<{ results: NonNullable<typeof results> }>(`/discussions/search?q=${encodeURIComponent(words)}`)).results); setError(null); }
    catch (err) { setError(errorText(t, err)); }
  };
  useEffect(() => { if (q.trim().length >= 2) void run(q.trim()); }, []);
  return (
    <article className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('discussions.searchTitle')}</h1>
      <form onSubmit={(e) => { e.preventDefault(); void run(q.trim()); }} role="search" className="flex gap-2">
        <input aria-label={t('discussions.search')} className={inputClass} value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="submit" className={secondaryButtonClass}>{t('discussions.search')}</button>
      </form>
      <ErrorBanner message={error} />
      {results && results.length === 0 && <p className="text-stone-600">{t('discussions.noResults')}</p>}
      <ul className="flex flex-col gap-2">{(results ?? []).map((r) => (
        <li key={r.id} className="rounded border border-stone-200 bg-white p-3">
          <Link className="font-semibold underline" to={`/threads/${r.threadId}`}>{r.threadTitle}</Link>
          <p className="text-sm">{r.snippet}</p>
          <p className="text-xs text-stone-600">{r.author ?? '—'} · {formatDateTime(r.createdAt)}</p>
        </li>
      ))}</ul>
    </article>
  );
}
