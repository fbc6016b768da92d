import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api.ts';
import { ErrorBanner, Field, buttonClass, inputClass, secondaryButtonClass } from '../../components/Field.tsx';
import { formatDateTime } from '../../dates.ts';

interface Token { id: string; label: string; createdAt: string; lastUsedAt?: string | null; createdBy?: string }

/** OSDI API tokens of a space: made here (shown once), revoked here. */
export function OsdiTokens({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const [tokens, setTokens] = useState<Token[]>([]);
  const [label, setLabel] = useState('');
  const [made, setMade] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => api.get<{ items: Token[] }>(`/spaces/${spaceId}/osdi-tokens`).then((r) => setTokens(r.items), (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(); }, [spaceId]);
  async function make(event: FormEvent) {
    event.preventDefault();
    try { setMade((await api.post<{ token: string }>(`/spaces/${spaceId}/osdi-tokens`, { label })).token); setLabel(''); void load(); } catch (err) { setError(errorText(t, err)); }
  }
  async function revoke(id: string) {
    try { await api.delete(`/osdi-tokens/${id}`); void load(); } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <section aria-labelledby="osdi-title" className="rounded border border-stone-200 bg-white p-3">
      <h2 id="osdi-title" className="text-lg font-semibold">{t('contacts.osdi.title')}</h2>
      <p className="text-sm text-stone-600">{t('contacts.osdi.help')}</p>
      <ErrorBanner message={error} />
      {made && <p role="status" className="my-2 break-all rounded bg-amber-50 p-2 font-mono text-sm">{t('contacts.osdi.shownOnce')} {made}</p>}
      <ul className="my-2 text-sm">
        {tokens.map((k) => (
          <li key={k.id} className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{k.label}</span>
            <span className="text-stone-600">{t('contacts.osdi.made', { when: formatDateTime(k.createdAt), who: k.createdBy ?? '' })}</span>
            <button type="button" className={secondaryButtonClass} onClick={() => void revoke(k.id)}>{t('contacts.osdi.revoke')}</button>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void make(e)} className="flex flex-wrap items-end gap-2">
        <Field label={t('contacts.osdi.label')}>{(p) => <input {...p} className={inputClass} value={label} required onChange={(e) => setLabel(e.target.value)} />}</Field>
        <button type="submit" className={buttonClass}>{t('contacts.osdi.make')}</button>
      </form>
    </section>
  );
}
