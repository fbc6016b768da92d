import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { roleAtLeast } from '../../../spaces/roles.ts';
import { api, errorText, query } from '../../api.ts';
import { ErrorBanner, Field, buttonClass, inputClass, secondaryButtonClass } from '../../components/Field.tsx';
import { formatDate } from '../../dates.ts';
import { useSession } from '../../session.tsx';
import { ContactPicker, type PickedContact, nameOf } from '../leadership/ContactPicker.tsx';
import { CommitmentsSection } from './CommitmentsSection.tsx';
import { DonorReportSection } from './DonorReportSection.tsx';
import { money } from './money.ts';

interface Gift { id: string; contactId: string; firstName: string; lastName: string; amountMinor: number; currency: string; receivedOn: string; fund: string | null;
  method: string | null; refundedOn: string | null }


/** An organization's gifts: recorded one by one, refunded, and read as a donor report of a fiscal year. */
export function DonationsPage() {
  const { id: spaceId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const space = me?.spaces.find((s) => s.id === spaceId);
  const canWrite = roleAtLeast(space?.role, 'member');
  const [gifts, setGifts] = useState<{ total: number; items: Gift[] } | null>(null);
  const [page, setPage] = useState(0);
  const [donor, setDonor] = useState<PickedContact | null>(null);
  const [form, setForm] = useState({ amount: '', receivedOn: new Date().toISOString().slice(0, 10), fund: '', method: '' });
  const [error, setError] = useState<string | null>(null);
  const PAGE = 50;
  const load = () => api.get<{ total: number; items: Gift[] }>(`/spaces/${spaceId}/donations${query({ limit: PAGE, offset: page * PAGE })}`)
    .then(setGifts, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(); }, [spaceId, page]);
  async function record() {
    try {
      const amountMinor = Math.round(Number(form.amount.replace(',', '.')) * 100);
      await api.post(`/spaces/${spaceId}/donations`, { contactId: donor?.id, amountMinor, receivedOn: form.receivedOn, fund: form.fund || null, method: form.method || null });
      setForm({ ...form, amount: '' });
      setDonor(null);
      setError(null);
      void load();
    } catch (err) { setError(errorText(t, err)); }
  }
  async function refund(g: Gift) {
    try { await api.put(`/donations/${g.id}/refund`, { refundedOn: g.refundedOn ? null : new Date().toISOString().slice(0, 10) }); void load(); } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('donations.title')}</h1>
      <p className="text-sm text-stone-700">{t('donations.privacy')}</p>
      <p className="text-sm"><Link className="underline" to={`/spaces/${spaceId}/contacts`}>{t('contacts.back')}</Link></p>
      <ErrorBanner message={error} />
      <DonorReportSection spaceId={spaceId} />
      {canWrite && (
        <form className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3" onSubmit={(e) => { e.preventDefault(); void record(); }}>
          <h2 className="text-lg font-semibold">{t('donations.record')}</h2>
          {donor ? <p className="text-sm">{t('donations.donor')}: <strong>{nameOf(donor)}</strong> <button type="button" className="underline" onClick={() => setDonor(null)}>{t('donations.change')}</button></p>
            : <ContactPicker spaceId={spaceId} label={t('donations.donor')} onPick={setDonor} />}
          <div className="flex flex-wrap gap-2">
            <Field label={t('donations.amount')}>{(p) => <input {...p} required inputMode="decimal" className={`${inputClass} w-32`} value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} />}</Field>
            <Field label={t('donations.receivedOn')}>{(p) => <input {...p} required type="date" className={inputClass} value={form.receivedOn} onChange={(e) => setForm({ ...form, receivedOn: e.target.value })} />}</Field>
            <Field label={t('donations.fund')}>{(p) => <input {...p} className={`${inputClass} w-40`} value={form.fund} onChange={(e) => setForm({ ...form, fund: e.target.value })} />}</Field>
            <Field label={t('donations.method')}>{(p) => <input {...p} className={`${inputClass} w-32`} value={form.method} onChange={(e) => setForm({ ...form, method: e.target.value })} />}</Field>
          </div>
          <div><button type="submit" className={buttonClass} disabled={!donor || !form.amount}>{t('donations.save')}</button></div>
        </form>
      )}
      {canWrite && <CommitmentsSection spaceId={spaceId} onGift={() => void load()} />}
      {gifts && (
        <section aria-labelledby="gifts-title" className="rounded border border-stone-200 bg-white p-3">
          <h2 id="gifts-title" className="text-lg font-semibold">{t('donations.gifts', { count: gifts.total })}</h2>
          <ul className="text-sm">
            {gifts.items.map((g) => (
              <li key={g.id} className="flex flex-wrap items-baseline gap-2 border-t border-stone-100 py-1">
                <span className="w-24">{formatDate(g.receivedOn)}</span>
                <span className={`w-24 text-right font-medium ${g.refundedOn ? 'line-through' : ''}`}>{money(g.amountMinor, g.currency, i18n.language)}</span>
                <span>{nameOf(g)}</span>
                {g.fund && <span className="text-stone-600">{g.fund}</span>}
                {g.refundedOn && <span className="text-stone-600">{t('donations.refunded', { date: formatDate(g.refundedOn) })}</span>}
                {canWrite && <button type="button" className="underline" onClick={() => void refund(g)}>{t(g.refundedOn ? 'donations.unrefund' : 'donations.refund')}</button>}
              </li>
            ))}
          </ul>
          <div className="mt-2 flex gap-2">
            <button type="button" className={secondaryButtonClass} disabled={page === 0} onClick={() => setPage(page - 1)}>{t('contacts.previous')}</button>
            <button type="button" className={secondaryButtonClass} disabled={(page + 1) * PAGE >= gifts.total} onClick={() => setPage(page + 1)}>{t('contacts.next')}</button>
          </div>
        </section>
      )}
    </section>
  );
}
