import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, errorText, query } from '../../api.ts';
import { ErrorBanner, Field, inputClass } from '../../components/Field.tsx';
import { Chart } from '../../components/Chart.tsx';

interface Definition { key: string; group: string; unit: string; name: { en: string; es: string }; formula: { en: string; es: string } }
interface Metric { key: string; group: string; unit: string; value: number | null; note?: string; counted: { total: number; items: string[] } }
interface Result { alliance: { id: string; name: string }; from: string; to: string; version: string; members: number; metrics: Metric[] }

const GROUPS = ['transactions', 'transformations', 'depth', 'dominance', 'trust', 'development'];

/** An alliance's movement metrics for a period: each value with its formula and what it counted; the funder report. */
export function MetricsPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = new Date().getUTCFullYear();
  const from = params.get('from') ?? `${year}-01-01`;
  const to = params.get('to') ?? new Date().toISOString().slice(0, 10);
  const [definitions, setDefinitions] = useState<Definition[]>([]);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lang = i18n.language.startsWith('es') ? 'es' : 'en';
  useEffect(() => { void api.get<{ metrics: Definition[] }>('/metrics/definitions').then((d) => setDefinitions(d.metrics), () => undefined); }, []);
  useEffect(() => {
    if (from > to) return;
    void api.get<Result>(`/alliances/${id}/metrics${query({ from, to })}`).then((r) => { setResult(r); setError(null); }, (err: unknown) => setError(errorText(t, err)));
  }, [id, from, to]);
  const def = (key: string) => definitions.find((d) => d.key === key);
  const format = (m: Metric) => (m.value === null ? t('metrics.notRecorded')
    : m.unit === 'share' ? new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(m.value)
      : m.unit === 'index' ? m.value.toFixed(3) : new Intl.NumberFormat(i18n.language).format(m.value));
  const option = useMemo(() => result && definitions.length > 0 && ({
    grid: { left: 170, right: 30, top: 8, bottom: 24 },
    xAxis: { type: 'value' }, yAxis: { type: 'category', data: result.metrics.filter((m) => m.group === 'transformations').map((m) => def(m.key)?.name[lang] ?? m.key).reverse(), axisLabel: { fontSize: 10, width: 160, overflow: 'truncate' } },
    series: [{ type: 'bar', data: result.metrics.filter((m) => m.group === 'transformations').map((m) => m.value ?? 0).reverse(), itemStyle: { color: '#0f766e' } }],
  }), [result, definitions, lang]);
  const report = (format: 'html' | 'pdf') => `/api/alliances/${id}/funder-report${query({ from, to, lang, format })}`;
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('metrics.title')}{result ? `: ${result.alliance.name}` : ''}</h1>
      <p className="text-sm text-stone-700">{t('metrics.help')}</p>
      <p className="flex flex-wrap gap-3 text-sm"><Link className="underline" to={`/alliances/${id}`}>{t('metrics.back')}</Link>
        <a className="underline" href={report('html')} target="_blank" rel="noreferrer">{t('metrics.report')}</a>
        <a className="underline" href={report('pdf')}>{t('metrics.reportPdf')}</a>
        <a className="underline" href="/api/metrics/definitions">{t('metrics.definitions')}</a></p>
      <div className="flex flex-wrap gap-2">
        <Field label={t('funding.from')} error={from > to ? t('metrics.badPeriod') : undefined}>{(p) => <input {...p} type="date" className={inputClass} value={from} onChange={(e) => setParams({ from: e.target.value, to })} />}</Field>
        <Field label={t('funding.to')}>{(p) => <input {...p} type="date" className={inputClass} value={to} onChange={(e) => setParams({ from, to: e.target.value })} />}</Field>
      </div>
      <ErrorBanner message={error} />
      {result && option && <Chart option={option} height={200} label={t('metrics.chartLabel')} />}
      {result && GROUPS.map((g) => (
        <section key={g} aria-labelledby={`group-${g}`} className="rounded border border-stone-200 bg-white p-3">
          <h2 id={`group-${g}`} className="text-lg font-semibold">{t(`metrics.group.${g}`)}</h2>
          <ul className="text-sm">
            {result.metrics.filter((m) => m.group === g).map((m) => (
              <li key={m.key} className="border-t border-stone-100 py-2">
                <div className="flex items-baseline justify-between gap-2"><span className="font-medium">{def(m.key)?.name[lang] ?? m.key}</span><span className="text-lg font-semibold">{format(m)}</span></div>
                <p className="text-xs text-stone-600">{def(m.key)?.formula[lang]}</p>
                {m.counted.total > 0 && (
                  <details className="text-xs"><summary className="cursor-pointer underline">{t('metrics.counted', { count: m.counted.total })}</summary>
                    <ul className="ml-4 list-disc">{m.counted.items.map((item, i) => <li key={i}>{item}</li>)}</ul>
                    {m.counted.total > m.counted.items.length && <p>{t('metrics.more', { count: m.counted.total - m.counted.items.length })}</p>}
                  </details>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
