import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText, query } from '../../api.ts';
import { ErrorBanner, Field, buttonClass, inputClass } from '../../components/Field.tsx';
import { formatDate } from '../../dates.ts';
import { money } from '../donations/money.ts';

interface Dues { invoices: { id: string; payer: string; period: string; amountMinor: number; currency: string; dueOn: string; paidOn: string | null; paidMinor: number }[];
  outstandingMinor: number; collectedMinor: number }

/** An alliance's dues: bill every member organization for a period, then mark what each paid. */
export function DuesSection({ spaceId, canBill }: { spaceId: string; canBill: boolean }) {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = useState(String(new Date().getUTCFullYear()));
  const [form, setForm] = useState({ amount: '', dueOn: new Date().toISOString().slice(0, 10) });
  const [dues, setDues] = useState<Dues | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => api.get<Dues>(`/spaces/${spaceId}/dues${query({ period: period || undefined })}`).then(setDues, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(); }, [spaceId, period]);
  const currency = dues?.invoices[0]?.currency ?? 'USD';
  const m = (minor: number) => money(minor, currency, i18n.language);
  async function bill() {
    try {
      const r = await api.post<{ billed: number; alreadyBilled: number }>(`/spaces/${spaceId}/dues`, { period, amountMinor: Math.round(Number(form.amount.replace(',', '.')) * 100), dueOn: form.dueOn, allMembers: true });
      setNote(t('dues.billed', { billed: r.billed, already: r.alreadyBilled }));
      setError(null);
      void load();
    } catch (err) { setError(errorText(t, err)); }
  }
  async function pay(id: string, amountMinor: number, paid: boolean) {
    try { await api.put(`/dues-invoices/${id}/payment`, paid ? { paidOn: null, paidMinor: 0 } : { paidOn: new Date().toISOString().slice(0, 10), paidMinor: amountMinor }); void load(); }
    catch (err) { setError(errorText(t, err)); }
  }
  return (
    <section aria-labelledby="dues-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
      <h2 id="dues-title" className="text-lg font-semibold">{t('dues.title')}</h2>
      <ErrorBanner message={error} />
      <div className="flex flex-wrap items-end gap-2">
        <Field label={t('dues.period')}>{(p) => <input {...p} className={`${inputClass} w-28`} value={period} onChange={(e) => setPeriod(e.target.value)} />}</Field>
        {canBill && <>
          <Field label={t('dues.amount')}>{(p) => <input {...p} inputMode="decimal" className={`${inputClass} w-28`} value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} />}</Field>
          <Field label={t('dues.dueOn')}>{(p) => <input {...p} type="date" className={inputClass} value={form.dueOn} onChange={(e) => setForm({ ...form, dueOn: e.target.value })} />}</Field>
          <button type="button" className={buttonClass} disabled={!form.amount || !period} onClick={() => void bill()}>{t('dues.billAll')}</button>
        </>}
      </div>
      {note && <p className="text-sm">{note}</p>}
      {dues && <p className="text-sm">{t('dues.totals', { collected: m(dues.collectedMinor), outstanding: m(dues.outstandingMinor) })}</p>}
      <ul className="text-sm">{dues?.invoices.map((i) => (
        <li key={i.id} className="flex flex-wrap items-baseline gap-2 border-t border-stone-100 py-1">
          <span className="font-medium">{i.payer}</span><span>{i.period}</span><span>{m(i.amountMinor)}</span>
          <span className="text-stone-600">{i.paidOn ? t('dues.paidOn', { date: formatDate(i.paidOn), amount: m(i.paidMinor) }) : t('dues.dueBy', { date: formatDate(i.dueOn) })}</span>
          <button type="button" className="underline" onClick={() => void pay(i.id, i.amountMinor, Boolean(i.paidOn))}>{t(i.paidOn ? 'dues.unpay' : 'dues.markPaid')}</button>
        </li>))}</ul>
    </section>
  );
}

interface Owed { invoices: { id: string; allianceName: string; period: string; amountMinor: number; currency: string; dueOn: string; paidOn: string | null; paidMinor: number }[]; outstandingMinor: number }

/** What this organization's alliances billed it: each invoice, paid or due. */
export function DuesOwedSection({ spaceId }: { spaceId: string }) {
  const { t, i18n } = useTranslation();
  const [owed, setOwed] = useState<Owed | null>(null);
  useEffect(() => { void api.get<Owed>(`/spaces/${spaceId}/dues-owed`).then(setOwed, () => undefined); }, [spaceId]);
  if (!owed?.invoices.length) return null;
  const m = (minor: number, currency: string) => money(minor, currency, i18n.language);
  return (
    <section aria-labelledby="owed-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
      <h2 id="owed-title" className="text-lg font-semibold">{t('dues.owedTitle')}</h2>
      <ul className="text-sm">{owed.invoices.map((i) => (
        <li key={i.id} className="flex flex-wrap items-baseline gap-2 border-t border-stone-100 py-1">
          <span className="font-medium">{i.allianceName}</span><span>{i.period}</span><span>{m(i.amountMinor, i.currency)}</span>
          <span className="text-stone-600">{i.paidOn ? t('dues.paidOn', { date: formatDate(i.paidOn), amount: m(i.paidMinor, i.currency) }) : t('dues.dueBy', { date: formatDate(i.dueOn) })}</span>
        </li>))}</ul>
    </section>
  );
}
