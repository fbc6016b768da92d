import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api.ts';
import { ErrorBanner, Field, buttonClass, inputClass } from '../../components/Field.tsx';
import { currencyMoney as money } from './currency-money.ts';
import { Chart } from '../../components/Chart.tsx';
import { FiscalYearSelect } from '../donations/FiscalYearSelect.tsx';

interface Mix {
  fiscalYear: number; from: string; to: string; currency: string; totalMinor: number; hhi: number | null; foundationShare: number | null;
  sources: { source: string; amountMinor: number; share: number | null }[];
  largestFunder: { name: string; amountMinor: number; share: number | null } | null;
  otherCurrencies: { currency: string; grants: number }[];
}
const INCOME_TYPES = ['earned', 'dues', 'government', 'other'] as const;

/** Where an organization's money came from in a fiscal year: shares by source, their concentration, its largest funder. */
export function DiversificationSection({ spaceId, canWrite }: { spaceId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const [year, setYear] = useState(() => new Date().getUTCFullYear());
  const [mix, setMix] = useState<Mix | null>(null);
  const [form, setForm] = useState({ sourceType: 'earned', amount: '', receivedOn: new Date().toISOString().slice(0, 10), description: '' });
  const [error, setError] = useState<string | null>(null);
  const load = () => api.get<Mix>(`/spaces/${spaceId}/funding-diversification?year=${year}`).then((m) => { setMix(m); setError(null); }, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(); }, [spaceId, year]);
  const percent = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(n));
  const option = useMemo(() => mix && ({
    tooltip: { trigger: 'item', valueFormatter: (v: number) => money(v, mix.currency, i18n.language) },
    series: [{ type: 'pie', radius: ['35%', '70%'], label: { fontSize: 11 },
      data: mix.sources.filter((s) => s.amountMinor > 0).map((s) => ({ name: t(`funding.source.${s.source}`), value: s.amountMinor })) }],
  }), [mix, i18n.language]);
  async function add() {
    try {
      await api.post(`/spaces/${spaceId}/other-income`, { sourceType: form.sourceType, amountMinor: Math.round(Number(form.amount.replace(',', '.')) * 100), receivedOn: form.receivedOn, description: form.description });
      setForm({ ...form, amount: '', description: '' });
      void load();
    } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <section aria-labelledby="mix-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
      <h2 id="mix-title" className="text-lg font-semibold">{t('funding.diversification')}</h2>
      <ErrorBanner message={error} />
      <FiscalYearSelect year={year} onChange={setYear} />
      {mix && mix.totalMinor === 0 && <p className="text-sm">{t('funding.noIncome')}</p>}
      {mix && mix.totalMinor > 0 && option && (
        <>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
            <div><dt className="text-stone-600">{t('funding.total')}</dt><dd className="font-semibold">{money(mix.totalMinor, mix.currency, i18n.language)}</dd></div>
            <div><dt className="text-stone-600">{t('funding.hhi')}</dt><dd className="font-semibold">{mix.hhi?.toFixed(3)}</dd></div>
            <div><dt className="text-stone-600">{t('funding.largestFunder')}</dt><dd className="font-semibold">{mix.largestFunder ? `${mix.largestFunder.name} (${percent(mix.largestFunder.share)})` : '—'}</dd></div>
            <div><dt className="text-stone-600">{t('funding.foundationShare')}</dt><dd className="font-semibold">{percent(mix.foundationShare)}</dd></div>
          </dl>
          <p className="text-xs text-stone-600">{t('funding.hhiHelp')}</p>
          <Chart option={option} height={260} label={t('funding.mixLabel')} />
          <table className="text-sm"><tbody>{mix.sources.map((s) => (
            <tr key={s.source} className="border-t border-stone-100"><td>{t(`funding.source.${s.source}`)}</td>
              <td className="text-right">{money(s.amountMinor, mix.currency, i18n.language)}</td><td className="w-20 text-right">{percent(s.share)}</td></tr>
          ))}</tbody></table>
        </>
      )}
      {mix?.otherCurrencies.map((c) => <p key={c.currency} className="text-sm text-stone-600">{t('funding.otherCurrency', { count: c.grants, currency: c.currency })}</p>)}
      {canWrite && (
        <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); void add(); }}>
          <Field label={t('funding.incomeType')}>{(p) => (
            <select {...p} className={`${inputClass} w-auto`} value={form.sourceType} onChange={(e) => setForm({ ...form, sourceType: e.target.value })}>
              {INCOME_TYPES.map((k) => <option key={k} value={k}>{t(`funding.source.${k}`)}</option>)}
            </select>)}</Field>
          <Field label={t('donations.amount')}>{(p) => <input {...p} required inputMode="decimal" className={`${inputClass} w-28`} value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} />}</Field>
          <Field label={t('donations.receivedOn')}>{(p) => <input {...p} required type="date" className={inputClass} value={form.receivedOn} onChange={(e) => setForm({ ...form, receivedOn: e.target.value })} />}</Field>
          <Field label={t('funding.description')}>{(p) => <input {...p} className={`${inputClass} w-48`} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />}</Field>
          <button type="submit" className={buttonClass} disabled={!form.amount}>{t('funding.addIncome')}</button>
        </form>
      )}
    </section>
  );
}
