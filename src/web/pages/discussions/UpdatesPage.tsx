import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, errorText } from '../../api.ts';
import { ErrorBanner } from '../../components/Field.tsx';
import { formatDateTime } from '../../dates.ts';
import { Composer } from './Composer.tsx';

interface UpdateList { canSend: boolean; updates: { id: string; threadId: string; title: string; audience: string; sentAt: string; sentBy: string | null; posts: number; recipients: number; emailReplies: number }[] }

/** An alliance's updates to its members, and a new one for its coordinators; replies (by email too) gather in each update's thread. */
export function UpdatesPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [list, setList] = useState<UpdateList | null>(null);
  const [audience, setAudience] = useState<'representatives' | 'followers'>('representatives');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { void api.get<UpdateList>(`/alliances/${id}/updates`).then(setList, (err: unknown) => setError(errorText(t, err))); }, [id]);
  if (!list) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  return (
    <article className="flex flex-col gap-4">
      <p className="text-sm"><Link className="underline" to={`/alliances/${id}`}>{t('survey.backToAlliance')}</Link></p>
      <h1 className="text-2xl font-bold">{t('updates.title')}</h1>
      <p className="text-stone-700">{t('updates.intro')}</p>
      {list.updates.length === 0 && <p className="text-stone-600">{t('updates.none')}</p>}
      <ul className="flex flex-col gap-2">{list.updates.map((u) => (
        <li key={u.id} className="rounded border border-stone-200 bg-white p-3">
          <Link className="font-semibold underline" to={`/threads/${u.threadId}`}>{u.title}</Link>
          <p className="text-sm text-stone-700">{formatDateTime(u.sentAt)} · {u.sentBy ?? '—'} · {t(`updates.audiences.${u.audience}`)} · {t('updates.recipients', { count: u.recipients })} · {t('updates.replies', { count: u.posts - 1, email: u.emailReplies })}</p>
        </li>
      ))}</ul>
      <ErrorBanner message={error} />
      {list.canSend && (
        <section aria-labelledby="new-update" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
          <h2 id="new-update" className="font-semibold">{t('updates.new')}</h2>
          <fieldset className="flex flex-col gap-1 text-sm">
            <legend className="font-medium">{t('updates.to')}</legend>
            {(['representatives', 'followers'] as const).map((a) => (
              <label key={a} className="flex items-start gap-2"><input type="radio" name="audience" className="mt-1" checked={audience === a} onChange={() => setAudience(a)} />{t(`updates.audienceHints.${a}`)}</label>
            ))}
          </fieldset>
          <Composer withTitle label={t('updates.body')} submitLabel={t('updates.send')} mentionable={[]} onSubmit={async (input) => {
            try { const sent = await api.post<{ threadId: string }>(`/alliances/${id}/updates`, { ...input, audience }); navigate(`/threads/${sent.threadId}`); return true; }
            catch (err) { setError(errorText(t, err)); return false; }
          }} />
        </section>
      )}
    </article>
  );
}
