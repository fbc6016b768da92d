import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { REACTIONS } from '../../../discussions/discussion.schema.ts';
import { api, errorText } from '../../api.ts';
import { ErrorBanner, secondaryButtonClass } from '../../components/Field.tsx';
import { formatDateTime } from '../../dates.ts';
import { type Attachment, Composer, type Dropped, type Mentionable, PostAttachments, PostBody } from './Composer.tsx';
import { subjectPage } from './ThreadsPage.tsx';

const EMOJI: Record<string, string> = { thumbs_up: '👍', heart: '❤️', raised_fist: '✊', celebrate: '🎉', pray: '🙏', eyes: '👀' };
interface Post {
  id: string; authorId: string | null; author: string | null; body: string; html: string; via: 'app' | 'email'; createdAt: string; editedAt: string | null; deletedAt: string | null;
  mine: boolean; reactions: { reaction: string; count: number; mine: boolean }[]; attachments: Attachment[]; droppedAttachments: Dropped[];
}
interface Thread {
  id: string; spaceId: string; title: string; subject: { kind: string; id: string; name: string }; canPost: boolean; canModerate: boolean; subscribed: boolean; lastReadAt: string | null; posts: Post[];
  more: boolean;
}

/** One thread: its posts, with what is new since the reader's last visit marked, and a reply. */
export function ThreadPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [thread, setThread] = useState<Thread | null>(null);
  const [seenBefore, setSeenBefore] = useState<string | null | undefined>(undefined);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The thread 200 posts at a time; after a change, as many pages as were shown before.
  const fetchPages = async (atLeast: number) => {
    const first = await api.get<Thread>(`/threads/${id}`);
    const posts = [...first.posts];
    let more = first.more;
    while (more && posts.length < atLeast) {
      const next = await api.get<Thread>(`/threads/${id}?after=${encodeURIComponent(posts.at(-1)!.createdAt)}`);
      posts.push(...next.posts);
      more = next.more;
    }
    return { ...first, posts, more };
  };
  const load = (atLeast = thread?.posts.length ?? 0) => fetchPages(atLeast).then((th) => { setThread(th); setSeenBefore((s) => (s === undefined ? th.lastReadAt : s)); }, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { setSeenBefore(undefined); void load(0); }, [id]);
  if (!thread) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  const act = async (work: () => Promise<unknown>) => { try { await work(); setError(null); await load(); return true; } catch (err) { setError(errorText(t, err)); return false; } };
  const people: Mentionable[] = [...new Map(thread.posts.filter((p) => p.authorId && p.author).map((p) => [p.authorId!, { kind: 'user' as const, id: p.authorId!, name: p.author! }])).values()];
  const back = subjectPage(thread.subject.kind, thread.subject.id);
  return (
    <article className="flex flex-col gap-4">
      <p className="text-sm"><Link className="underline" to={`/discussions/${thread.subject.kind}/${thread.subject.id}`}>{t('discussions.titleOf', { name: thread.subject.name })}</Link>
        {back && <> · <Link className="underline" to={back}>{thread.subject.name}</Link></>}</p>
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{thread.title}</h1>
        <button type="button" className={secondaryButtonClass} aria-pressed={thread.subscribed}
          onClick={() => void act(() => api.put(`/threads/${id}/subscription`, { subscribed: !thread.subscribed }))}>
          {thread.subscribed ? t('discussions.unfollow') : t('discussions.follow')}
        </button>
      </header>
      <ErrorBanner message={error} />
      <ol className="flex flex-col gap-2">
        {thread.posts.map((p) => {
          const isNew = seenBefore !== undefined && seenBefore !== null && p.createdAt > seenBefore && !p.mine;
          return (
            <li key={p.id} className={`rounded border p-3 ${isNew ? 'border-amber-300 bg-amber-50' : 'border-stone-200 bg-white'}`}>
              <p className="text-xs text-stone-600"><span className="font-semibold text-stone-800">{p.author ?? '—'}</span> · {formatDateTime(p.createdAt)}
                {p.via === 'email' && ` · ${t('discussions.byEmail')}`}{p.editedAt && ` · ${t('discussions.edited')}`}{isNew && <> · <strong>{t('discussions.new')}</strong></>}</p>
              {p.deletedAt ? <p className="text-sm italic text-stone-500">{t('discussions.removed')}</p>
                : editing === p.id
                  ? <Composer label={t('discussions.editPost')} submitLabel={t('common.save')} mentionable={people} initial={p.body}
                    spaceId={thread.spaceId} initialAttachments={p.attachments.map((a) => a.id)}
                    onSubmit={(input) => act(() => api.put(`/posts/${p.id}`, { body: input.body, attachments: input.attachments })).then((ok) => { if (ok) setEditing(null); return ok; })} />
                  : <><PostBody html={p.html} /><PostAttachments attachments={p.attachments} dropped={p.droppedAttachments} /></>}
              {!p.deletedAt && (
                <div className="mt-1 flex flex-wrap items-center gap-1">
                  {REACTIONS.map((r) => {
                    const has = p.reactions.find((x) => x.reaction === r);
                    if (!has && !thread.canPost) return null;
                    return (
                      <button key={r} type="button" disabled={!thread.canPost} aria-pressed={has?.mine ?? false} aria-label={t(`discussions.reactions.${r}`)}
                        className={`rounded-full border px-2 text-sm ${has?.mine ? 'border-amber-600 bg-amber-100' : 'border-stone-300 bg-white'} ${has ? '' : 'opacity-60'}`}
                        onClick={() => void act(() => api.post(`/posts/${p.id}/reactions`, { reaction: r }))}>{EMOJI[r]}{has ? ` ${has.count}` : ''}</button>
                    );
                  })}
                  {p.mine && <button type="button" className="text-xs underline" onClick={() => setEditing(p.id)}>{t('common.edit')}</button>}
                  {(p.mine || thread.canModerate) && <button type="button" className="text-xs underline"
                    onClick={() => { if (window.confirm(t('discussions.confirmRemove'))) void act(() => api.delete(`/posts/${p.id}`)); }}>{t('common.remove')}</button>}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {thread.more && <div><button type="button" className={secondaryButtonClass} onClick={() => void load(thread.posts.length + 1)}>{t('discussions.laterPosts')}</button></div>}
      {thread.canPost && (
        <section aria-labelledby="reply" className="rounded border border-stone-200 bg-white p-3">
          <h2 id="reply" className="font-semibold">{t('discussions.reply')}</h2>
          <Composer label={t('discussions.yourReply')} submitLabel={t('discussions.send')} mentionable={people} spaceId={thread.spaceId}
            onSubmit={(input) => act(() => api.post(`/threads/${id}/posts`, { body: input.body, attachments: input.attachments }))} />
        </section>
      )}
    </article>
  );
}
