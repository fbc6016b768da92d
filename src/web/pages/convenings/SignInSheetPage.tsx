import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner } from '../../components/Field.tsx';
import type { ConveningView } from './convening-types.ts';

const BLANK_ROWS = 15;

/** A printable sign-in sheet: registered people first, then blank rows for walk-ins. */
export function SignInSheetPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [page, setPage] = useState<ConveningView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { api.get<ConveningView>(`/convenings/${id}`).then(setPage, (err: unknown) => setError(errorText(t, err))); }, [id]);
  if (!page) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  const rows = [...page.participants.filter((p) => p.registered || p.attended), ...Array.from({ length: BLANK_ROWS }, () => null)];
  return (
    <article className="flex flex-col gap-3">
      <div className="print:hidden"><button type="button" className={buttonClass} onClick={() => window.print()}>{t('convenings.print')}</button></div>
      <h1 className="text-xl font-bold">{t('convenings.signInSheet')}: {page.title}</h1>
      <p>{page.startsAt.replace('T', ' ')} ({page.timeZone}){page.place ? ` · ${page.place}` : ''}</p>
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr>{['personName', 'organization', 'cameAs', 'firstTimeQuestion', 'signature'].map((k) => <th key={k} className="border border-stone-400 p-1 text-left">{t(`convenings.${k}`)}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((p, i) => (
            <tr key={p?.id ?? `blank-${i}`} className="h-8">
              <td className="border border-stone-400 p-1">{p?.name ?? ''}</td>
              <td className="border border-stone-400 p-1">{p?.organizationName ?? ''}</td>
              <td className="border border-stone-400 p-1">{p ? t(`convenings.capacities.${p.capacity}`) : `☐ ${t('convenings.capacities.staff')}  ☐ ${t('convenings.capacities.leader')}`}</td>
              <td className="border border-stone-400 p-1">{p ? (p.firstTime ? '☒' : '☐') : '☐'}</td>
              <td className="border border-stone-400 p-1" />
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
