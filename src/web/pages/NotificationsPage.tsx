import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, errorText } from '../api.ts';
import { ErrorBanner, secondaryButtonClass } from '../components/Field.tsx';
import { formatDateTime } from '../dates.ts';

interface NotificationList {
  unread: number;
  notifications: { id: string; kind: string; proposalId: string | null; threadId: string | null; data: { proposalTitle?: string; allianceName?: string; closesAt?: string | null; threadTitle?: string; author?: string } | null; createdAt: string; readAt: string | null }[];
}

/** What the app has told this person: votes opening, votes closing soon, posts in threads they follow, mentions. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [list, setList] = useState<NotificationList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => api.get<NotificationList>('/notifications').then(setList, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(); }, []);
  if (error) return <ErrorBanner message={error} />;
  if (!list) return <p role="status">{t('common.loading')}</p>;
  return (
    <article className="flex flex-col gap-3">
      <header className="flex items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('notifications.title')}</h1>
        {list.unread > 0 && <button type="button" className={secondaryButtonClass} onClick={() => void api.post('/notifications/read', { ids: 'all' }).then(load)}>{t('notifications.markAllRead')}</button>}
      </header>
      {list.notifications.length === 0 && <p className="text-stone-600">{t('notifications.none')}</p>}
      <ul className="flex flex-col gap-2">
        {list.notifications.map((n) => (
          <li key={n.id} className={`rounded border p-2 ${n.readAt ? 'border-stone-200 bg-white' : 'border-amber-300 bg-amber-50'}`}>
            <Link className="font-medium underline-offset-2 hover:underline" to={n.threadId ? `/threads/${n.threadId}` : `/proposals/${n.proposalId}`}
              onClick={() => void api.post('/notifications/read', { ids: [n.id] })}>
              {t(`notifications.kinds.${n.kind}`, { title: n.data?.proposalTitle ?? n.data?.threadTitle ?? '', alliance: n.data?.allianceName ?? '', author: n.data?.author ?? '' })}
            </Link>
            <p className="text-sm text-stone-600">{formatDateTime(n.createdAt)}
              {n.data?.closesAt ? ` · ${t('notifications.closes', { when: formatDateTime(n.data.closesAt) })}` : ''}</p>
          </li>
        ))}
      </ul>
    </article>
  );
}
