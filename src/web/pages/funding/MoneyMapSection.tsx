import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText, query } from '../../api.ts';
import { ErrorBanner, Field, inputClass } from '../../components/Field.tsx';
import { currencyMoney } from './currency-money.ts';
import { Chart } from '../../components/Chart.tsx';

interface MoneyMap {
  currency: string | null; otherCurrencies: string[];
  nodes: { key: string; name: string; role: string; baseBuilding: boolean | null }[];
  flows: { from: string; to: string; amountMinor: number; grants: number }[];
  sankeyFlows: { from: string; to: string; amountMinor: number }[];
  totals: { cameInMinor: number; toAllianceMinor: number; regrantedMinor: number; keptByAllianceMinor: number; directToMembersMinor: number;
    toBaseBuildingMinor: number; toMembersOfUnknownKindMinor: number; baseBuildingShare: number | null; grants: number };
  byYear: { year: number; inMinor: number; toBaseMinor: number }[];
}

/** Funder → alliance → member: a Sankey, the flows as a table, the share reaching base-building groups. */
export function MoneyMapSection({ spaceId }: { spaceId: string }) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState({ from: '', to: '', region: '', currency: '', issue: '', constituency: '' });
  const [vocab, setVocab] = useState<{ issue: { key: string; en: string; es: string }[]; constituency: { key: string; en: string; es: string }[] } | null>(null);
  useEffect(() => { void api.get<typeof vocab>('/vocabularies').then(setVocab, () => undefined); }, []);
  const [map, setMap] = useState<MoneyMap | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.get<MoneyMap>(`/spaces/${spaceId}/money-map${query({ from: filter.from || undefined, to: filter.to || undefined, region: filter.region || undefined, currency: filter.currency || undefined,
      issue: filter.issue || undefined, constituency: filter.constituency || undefined })}`)
      .then((m) => { setMap(m); setError(null); }, (err: unknown) => setError(errorText(t, err)));
  }, [spaceId, filter]);
  const name = useMemo(() => new Map(map?.nodes.map((n) => [n.key, n.name]) ?? []), [map]);
  const m = (minor: number) => (map?.currency ? currencyMoney(minor, map.currency, i18n.language) : String(minor / 100));
  const option = useMemo(() => map && ({
    tooltip: { trigger: 'item', valueFormatter: (v: number) => m(v) },
    series: [{ type: 'sankey', left: 4, right: '36%', nodeGap: 8, draggable: false, label: { fontSize: 10, width: 120, overflow: 'truncate' },
      data: map.nodes.filter((n) => map.sankeyFlows.some((f) => f.from === n.key || f.to === n.key)).map((n) => ({ name: n.key, label: { formatter: n.name } })),
      links: map.sankeyFlows.map((f) => ({ source: f.from, target: f.to, value: f.amountMinor })), lineStyle: { color: 'gradient', opacity: 0.35 } }],
  }), [map]);
  return (
    <section aria-labelledby="money-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
      <h2 id="money-title" className="text-lg font-semibold">{t('funding.moneyMap')}</h2>
      <p className="text-sm text-stone-700">{t('funding.moneyMapHelp')}</p>
      <ErrorBanner message={error} />
      <div className="flex flex-wrap gap-2">
        <Field label={t('funding.from')}>{(p) => <input {...p} type="date" className={inputClass} value={filter.from} onChange={(e) => setFilter({ ...filter, from: e.target.value })} />}</Field>
        <Field label={t('funding.to')}>{(p) => <input {...p} type="date" className={inputClass} value={filter.to} onChange={(e) => setFilter({ ...filter, to: e.target.value })} />}</Field>
        <Field label={t('funding.region')}>{(p) => <input {...p} className={`${inputClass} w-40`} value={filter.region} placeholder={t('funding.regionExample')} onChange={(e) => setFilter({ ...filter, region: e.target.value })} />}</Field>
        {(['issue', 'constituency'] as const).map((kind) => (
          <Field key={kind} label={t(`funding.${kind}`)}>{(p) => (
            <select {...p} className={`${inputClass} w-auto`} value={filter[kind]} onChange={(e) => setFilter({ ...filter, [kind]: e.target.value })}>
              <option value="">{t('funding.any')}</option>
              {vocab?.[kind].map((v) => <option key={v.key} value={v.key}>{i18n.language.startsWith('es') ? v.es : v.en}</option>)}
            </select>)}</Field>
        ))}
        {map && map.otherCurrencies.length > 0 && (
          <Field label={t('funding.currency')}>{(p) => (
            <select {...p} className={`${inputClass} w-auto`} value={filter.currency || map.currency || ''} onChange={(e) => setFilter({ ...filter, currency: e.target.value })}>
              {[map.currency, ...map.otherCurrencies].filter(Boolean).map((c) => <option key={c!} value={c!}>{c}</option>)}
            </select>)}</Field>
        )}
      </div>
      {map && map.flows.length === 0 && <p className="text-sm">{t('funding.noFlows')}</p>}
      {map && map.flows.length > 0 && option && (
        <>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
            <div><dt className="text-stone-600">{t('funding.cameIn')}</dt><dd className="font-semibold">{m(map.totals.cameInMinor)}</dd></div>
            <div><dt className="text-stone-600">{t('funding.regranted')}</dt><dd className="font-semibold">{m(map.totals.regrantedMinor)}</dd></div>
            <div><dt className="text-stone-600">{t('funding.kept')}</dt><dd className="font-semibold">{m(map.totals.keptByAllianceMinor)}</dd></div>
            <div><dt className="text-stone-600">{t('funding.toBase')}</dt><dd className="font-semibold">{m(map.totals.toBaseBuildingMinor)}
              {map.totals.baseBuildingShare !== null && ` (${new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(map.totals.baseBuildingShare)})`}</dd></div>
          </dl>
          {map.totals.toMembersOfUnknownKindMinor > 0 && <p className="text-sm text-stone-600">{t('funding.unknownKind', { amount: m(map.totals.toMembersOfUnknownKindMinor) })}</p>}
          <Chart option={option} height={Math.max(220, map.nodes.length * 28)} label={t('funding.sankeyLabel')} />
          <table className="text-sm">
            <thead><tr><th className="text-left">{t('funding.flowFrom')}</th><th className="text-left">{t('funding.flowTo')}</th><th className="text-right">{t('funding.amount')}</th></tr></thead>
            <tbody>{map.flows.map((f) => (
              <tr key={`${f.from}→${f.to}`} className="border-t border-stone-100"><td>{name.get(f.from)}</td><td>{name.get(f.to)}</td><td className="text-right">{m(f.amountMinor)}</td></tr>
            ))}</tbody>
          </table>
        </>
      )}
    </section>
  );
}
