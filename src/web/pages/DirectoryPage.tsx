import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ORGANIZATION_KINDS } from '../../orgs/organization.vocab.ts';
import { api, query, errorText } from '../api.ts';
import { ErrorBanner, Tag, inputClass, Field } from '../components/Field.tsx';
import { termLabel, useSession } from '../session.tsx';
import type { DirectoryEntry, DirectoryPageResult } from '../types.ts';

const PAGE = 25;
const FILTERS = ['q', 'kind', 'issue', 'constituency', 'capacity', 'state', 'alliance'] as const;

export function DirectoryPage() {
  const { t, i18n } = useTranslation();
  const { vocab, states, me } = useSession();
  const [params, setParams] = useSearchParams();
  const [result, setResult] = useState<DirectoryPageResult | null>(null);
  const [alliances, setAlliances] = useState<DirectoryEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const offset = Number(params.get('offset') ?? 0);
  const filter = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>;

  useEffect(() => {
    api.get<DirectoryPageResult>(`/organizations${query({ kind: 'alliance', limit: 200 })}`).then((r) => setAlliances(r.items), () => undefined);
  }, []);

  useEffect(() => {
    setError(null);
    const handle = setTimeout(() => {
      api.get<DirectoryPageResult>(`/organizations${query({ ...filter, limit: PAGE, offset })}`)
        .then(setResult, (err: unknown) => setError(errorText(t, err)));
    }, 200);
    return () => clearTimeout(handle);
  }, [params.toString()]);

  // The text box keeps what is typed; the URL (and so the search) follows once typing pauses,
  // so that fast typing on a slow phone never loses a letter to a re-render.
  const [q, setQ] = useState(filter.q);
  useEffect(() => {
    if (q === filter.q) return;
    const handle = setTimeout(() => setFilter('q', q), 250);
    return () => clearTimeout(handle);
  }, [q]);

  function setFilter(name: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value); else next.delete(name);
    if (name !== 'offset') next.delete('offset');
    setParams(next, { replace: true });
  }

  const lang = i18n.language;
  const select = (name: (typeof FILTERS)[number], label: string, options: { value: string; label: string }[]) => (
    <Field label={label}>{(p) => (<select {...p} className={inputClass} value={filter[name]} onChange={(e) => setFilter(name, e.target.value)}>
        <option value="">{t('directory.any')}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>)}</Field>
  );
  const termOptions = (kind: 'issue' | 'constituency' | 'capacity') =>
    (vocab?.[kind] ?? []).map((term) => ({ value: term.key, label: lang === 'es' ? term.es : term.en }));
  const canCreate = me?.isWorkspaceAdmin || me?.spaces.some((s) => s.role !== 'viewer');

  return (
    <section aria-labelledby="directory-title" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="directory-title" className="text-2xl font-bold">{t('directory.title')}</h1>
        {canCreate && <Link to="/organizations/new" className="rounded bg-amber-700 px-3 py-1.5 font-medium text-white hover:bg-amber-800">{t('directory.new')}</Link>}
      </div>
      <form role="search" className="grid grid-cols-1 gap-3 rounded border border-stone-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-4" onSubmit={(e) => e.preventDefault()}>
        <div className="sm:col-span-2 lg:col-span-4">
          <Field label={t('directory.search')}>{(p) => <input {...p} type="search" className={inputClass} value={q} placeholder={t('directory.searchPlaceholder')} onChange={(e) => setQ(e.target.value)} />}</Field>
        </div>
        {select('kind', t('org.kind'), ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`enum.kind.${k}`) })))}
        {select('issue', t('org.issues'), termOptions('issue'))}
        {select('constituency', t('org.constituencies'), termOptions('constituency'))}
        {select('capacity', t('org.capacities'), termOptions('capacity'))}
        {select('state', t('org.state'), states.map((s) => ({ value: s.fips, label: s.name })))}
        {select('alliance', t('directory.alliance'), alliances.map((a) => ({ value: a.id, label: a.name })))}
      </form>
      <ErrorBanner message={error} />
      {result && (
        <>
          <p role="status" className="text-sm text-stone-600">{t('directory.count', { count: result.total })}</p>
          <ul className="grid grid-cols-1 gap-3 md:grid-cols-2" aria-label={t('directory.results')}>
            {result.items.map((org) => (
              <li key={org.id} className="rounded border border-stone-200 bg-white p-3">
                <h2 className="font-semibold">
                  <Link className="text-amber-900 underline-offset-2 hover:underline" to={org.kind === 'alliance' ? `/alliances/${org.id}` : `/organizations/${org.id}`}>{org.name}</Link>
                </h2>
                <p className="text-sm text-stone-600">
                  {t(`enum.kind.${org.kind}`)}
                  {org.location.city || org.location.stateFips ? ` · ${[org.location.city, states.find((s) => s.fips === org.location.stateFips)?.postal].filter(Boolean).join(', ')}` : ''}
                </p>
                <div className="mt-1 flex flex-wrap gap-1">
                  {org.issues.slice(0, 4).map((k) => <Tag key={k}>{termLabel(vocab, 'issue', k, lang)}</Tag>)}
                </div>
              </li>
            ))}
          </ul>
          {result.total === 0 && <p>{t('directory.none')}</p>}
          <nav aria-label={t('directory.pages')} className="flex gap-2">
            <button type="button" disabled={offset === 0} className="rounded border px-2 py-1 disabled:opacity-40" onClick={() => setFilter('offset', String(Math.max(0, offset - PAGE)))}>{t('directory.previous')}</button>
            <button type="button" disabled={offset + PAGE >= result.total} className="rounded border px-2 py-1 disabled:opacity-40" onClick={() => setFilter('offset', String(offset + PAGE))}>{t('directory.next')}</button>
          </nav>
        </>
      )}
    </section>
  );
}
