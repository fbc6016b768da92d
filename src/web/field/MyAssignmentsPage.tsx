import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, errorText } from '../api.ts';
import { ErrorBanner } from '../components/Field.tsx';

interface Mine { id: string; name: string; effortName: string; kind: string }

/** The turfs and call lists assigned to the signed-in volunteer. */
export function MyAssignmentsPage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<Mine[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { void api.get<{ items: Mine[] }>('/me/assignments').then((r) => setItems(r.items), (err: unknown) => setError(errorText(t, err))); }, []);
  return (
    <section className="flex flex-col gap-3">
      <h1 className="text-xl font-bold">{t('outreach.mine')}</h1>
      <ErrorBanner message={error} />
      {items && items.length === 0 && <p>{t('outreach.none')}</p>}
      <ul className="flex flex-col gap-2">
        {items?.map((a) => (
          <li key={a.id} className="rounded border border-stone-200 bg-white p-3">
            <Link className="font-medium underline" to={`/outreach/assignments/${a.id}`}>{t('outreach.turfName', { name: a.name })}</Link>
            <p className="text-sm text-stone-600">{a.effortName} · {t(`outreach.kinds.${a.kind}`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
