import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api.ts';
import { ErrorBanner, secondaryButtonClass } from '../../components/Field.tsx';

// The reader's own calendar address for an organization's convenings. The server keeps only a
// hash of it, so it is shown once, when made; making a new one stops the old one.
export function CalendarFeed({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const [active, setActive] = useState<boolean | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<{ active: boolean }>(`/organizations/${organizationId}/calendar-feed`).then((s) => setActive(s.active), () => setActive(null));
  }, [organizationId]);
  if (active === null) return null;
  async function make() {
    setError(null);
    try {
      setUrl((await api.post<{ url: string }>(`/organizations/${organizationId}/calendar-feed`, {})).url);
      setActive(true);
    } catch (err) { setError(errorText(t, err)); }
  }
  async function stop() {
    setError(null);
    try {
      await api.delete(`/organizations/${organizationId}/calendar-feed`);
      setUrl(null);
      setActive(false);
    } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <section aria-labelledby="calendar-feed" className="flex flex-col gap-1 rounded border border-stone-200 bg-white p-3 text-sm">
      <h2 id="calendar-feed" className="font-semibold">{t('convenings.subscribe')}</h2>
      <p>{t('convenings.subscribeHelp')}</p>
      {url && <p><a className="break-all underline" href={url}>{url}</a></p>}
      {url && <p role="status">{t('convenings.feedShownOnce')}</p>}
      {!url && active && <p>{t('convenings.feedActive')}</p>}
      <div className="flex flex-wrap gap-2">
        <button type="button" className={secondaryButtonClass} onClick={() => void make()}>{active ? t('convenings.feedReplace') : t('convenings.feedMake')}</button>
        {active && <button type="button" className={secondaryButtonClass} onClick={() => void stop()}>{t('convenings.feedStop')}</button>}
      </div>
      <ErrorBanner message={error} />
    </section>
  );
}
