import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api.ts';
import { ErrorBanner, Field, buttonClass, inputClass, secondaryButtonClass } from '../../components/Field.tsx';
import { formatDate } from '../../dates.ts';
import { ContactPicker, type PickedContact, nameOf } from '../leadership/ContactPicker.tsx';
import { money } from './money.ts';

interface Recurring { id: string; firstName: string; lastName: string; contactId: string; amountMinor: number; frequency: string; startsOn: string; status: string;
  due: number | null; received: number; missed: number | null; next: string | null }
interface Pledge { id: string; firstName: string; lastName: string; contactId: string; amountMinor: number; pledgedOn: string; paidMinor: number; balanceMinor: number; overdueMinor: number; fulfilled: boolean }
interface Match { id: string; name: string; matcher: string; kind: string; ratio: number; capMinor: number; startsOn: string; endsOn: string; campaign: string | null;
  eligibleMinor: number; matchedMinor: number; remainingCapMinor: number; giftsToFillMinor: number }

const today = () => new Date().toISOString().slice(0, 10);
const toMinor = (text: string) => Math.round(Number(text.replace(',', '.')) * 100);

/** Recurring gifts, pledges and matching funds: each with what came in against it; installments and payments recorded from here. */
export function CommitmentsSection({ spaceId, onGift }: { spaceId: string; onGift: () => void }) {
  const { t, i18n } = useTranslation();
  const [currency, setCurrency] = useState('USD');
  useEffect(() => { void api.get<{ currency: string }>(`/spaces/${spaceId}/fundraising-settings`).then((s) => setCurrency(s.currency), () => undefined); }, [spaceId]);
  const m = (minor: number) => money(minor, currency, i18n.language);
  const [recurring, setRecurring] = useState<Recurring[]>([]);
  const [pledges, setPledges] = useState<Pledge[]>([]);
  const [matches, setMatches] = useState<Match[]>([]);
  const [donor, setDonor] = useState<PickedContact | null>(null);
  const [form, setForm] = useState({ kind: 'recurring', amount: '', frequency: 'monthly', startsOn: today() });
  const [match, setMatch] = useState({ name: '', matcher: '', ratio: '1', cap: '', startsOn: today(), endsOn: today(), campaign: '' });
  const [error, setError] = useState<string | null>(null);
  const load = () => Promise.all([
    api.get<Recurring[]>(`/spaces/${spaceId}/recurring-gifts`).then(setRecurring),
    api.get<Pledge[]>(`/spaces/${spaceId}/pledges`).then(setPledges),
    api.get<Match[]>(`/spaces/${spaceId}/match-funds`).then(setMatches),
  ]).catch((err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(); }, [spaceId]);
  const act = async (f: () => Promise<unknown>) => { try { await f(); setError(null); await load(); onGift(); } catch (err) { setError(errorText(t, err)); } };
  const add = () => act(async () => {
    if (form.kind === 'recurring') await api.post(`/spaces/${spaceId}/recurring-gifts`, { contactId: donor?.id, amountMinor: toMinor(form.amount), frequency: form.frequency, startsOn: form.startsOn });
    else await api.post(`/spaces/${spaceId}/pledges`, { contactId: donor?.id, amountMinor: toMinor(form.amount), pledgedOn: form.startsOn });
    setDonor(null);
    setForm({ ...form, amount: '' });
  });
  const gift = (contactId: string, amountMinor: number, link: Record<string, string>) =>
    act(() => api.post(`/spaces/${spaceId}/donations`, { contactId, amountMinor, receivedOn: today(), ...link }));
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <section aria-labelledby="commitments-title" className="flex flex-col gap-3 rounded border border-stone-200 bg-white p-3">
      <h2 id="commitments-title" className="text-lg font-semibold">{t('commitments.title')}</h2>
      <ErrorBanner message={error} />
      <h3 className="font-semibold">{t('commitments.recurring')}</h3>
      <ul className="text-sm">{recurring.map((r) => (
        <li key={r.id} className="flex flex-wrap items-baseline gap-2 border-t border-stone-100 py-1">
          <span className="font-medium">{nameOf(r)}</span><span>{m(r.amountMinor)} {t(`commitments.frequency.${r.frequency}`)}</span>
          <span className="text-stone-600">{t(`commitments.status.${r.status}`)}</span>
          {r.due !== null && <span>{t('commitments.installments', { received: r.received, due: r.due, missed: r.missed })}</span>}
          {r.status === 'active' && <button type="button" className="underline" onClick={() => void gift(r.contactId, r.amountMinor, { recurringGiftId: r.id })}>{t('commitments.recordInstallment')}</button>}
          {r.status !== 'cancelled' && <button type="button" className="underline" onClick={() => void act(() => api.put(`/recurring-gifts/${r.id}/status`, { status: r.status === 'active' ? 'paused' : 'active' }))}>
            {t(r.status === 'active' ? 'commitments.pause' : 'commitments.resume')}</button>}
        </li>))}</ul>
      <h3 className="font-semibold">{t('commitments.pledges')}</h3>
      <ul className="text-sm">{pledges.map((p) => (
        <li key={p.id} className="flex flex-wrap items-baseline gap-2 border-t border-stone-100 py-1">
          <span className="font-medium">{nameOf(p)}</span><span>{t('commitments.pledged', { amount: m(p.amountMinor), date: formatDate(p.pledgedOn) })}</span>
          <span>{t('commitments.balance', { paid: m(p.paidMinor), balance: m(p.balanceMinor) })}</span>
          {p.overdueMinor > 0 && <span className="text-red-800">{t('commitments.overdue', { amount: m(p.overdueMinor) })}</span>}
          {!p.fulfilled && <button type="button" className="underline" onClick={() => void gift(p.contactId, p.balanceMinor, { pledgeId: p.id })}>{t('commitments.recordPayment', { amount: m(p.balanceMinor) })}</button>}
        </li>))}</ul>
      <form className="flex flex-col gap-2 border-t border-stone-200 pt-2" onSubmit={(e) => { e.preventDefault(); void add(); }}>
        {donor ? <p className="text-sm">{t('commitments.donor')}: <strong>{nameOf(donor)}</strong> <button type="button" className="underline" onClick={() => setDonor(null)}>{t('donations.change')}</button></p>
          : <ContactPicker spaceId={spaceId} label={t('commitments.donor')} onPick={setDonor} />}
        <div className="flex flex-wrap items-end gap-2">
          <Field label={t('commitments.kind')}>{(p) => <select {...p} className={`${inputClass} w-auto`} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
            <option value="recurring">{t('commitments.recurringOne')}</option><option value="pledge">{t('commitments.pledgeOne')}</option></select>}</Field>
          <Field label={t('commitments.amount')}>{(p) => <input {...p} required inputMode="decimal" className={`${inputClass} w-28`} value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} />}</Field>
          {form.kind === 'recurring' && <Field label={t('commitments.every')}>{(p) => <select {...p} className={`${inputClass} w-auto`} value={form.frequency} onChange={(e) => setForm({ ...form, frequency: e.target.value })}>
            {['weekly', 'monthly', 'quarterly', 'yearly'].map((f) => <option key={f} value={f}>{t(`commitments.frequency.${f}`)}</option>)}</select>}</Field>}
          <Field label={t('commitments.startsOn')}>{(p) => <input {...p} type="date" className={inputClass} value={form.startsOn} onChange={(e) => setForm({ ...form, startsOn: e.target.value })} />}</Field>
          <button type="submit" className={buttonClass} disabled={!donor || !form.amount}>{t('commitments.add')}</button>
        </div>
      </form>
      <h3 className="font-semibold">{t('commitments.matches')}</h3>
      <ul className="text-sm">{matches.map((x) => (
        <li key={x.id} className="flex flex-col border-t border-stone-100 py-1">
          <span className="font-medium">{x.name} — {x.matcher} ({t(`commitments.matchKind.${x.kind}`)}, {x.ratio}:1)</span>
          <span>{t('commitments.matched', { matched: m(x.matchedMinor), cap: m(x.capMinor), share: percent.format(x.matchedMinor / x.capMinor) })}
            {x.giftsToFillMinor > 0 && ` ${t('commitments.toFill', { amount: m(x.giftsToFillMinor) })}`}</span>
          <span className="text-stone-600">{formatDate(x.startsOn)} – {formatDate(x.endsOn)}{x.campaign ? ` · ${x.campaign}` : ''}</span>
        </li>))}</ul>
      <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); void act(async () => {
        await api.post(`/spaces/${spaceId}/match-funds`, { name: match.name, matcher: match.matcher, kind: 'challenge', ratio: Number(match.ratio), capMinor: toMinor(match.cap),
          startsOn: match.startsOn, endsOn: match.endsOn, campaign: match.campaign || null });
        setMatch({ ...match, name: '', matcher: '', cap: '' });
      }); }}>
        <Field label={t('commitments.matchName')}>{(p) => <input {...p} required className={`${inputClass} w-40`} value={match.name} onChange={(e) => setMatch({ ...match, name: e.target.value })} />}</Field>
        <Field label={t('commitments.matcher')}>{(p) => <input {...p} required className={`${inputClass} w-40`} value={match.matcher} onChange={(e) => setMatch({ ...match, matcher: e.target.value })} />}</Field>
        <Field label={t('commitments.ratio')}>{(p) => <input {...p} inputMode="decimal" className={`${inputClass} w-16`} value={match.ratio} onChange={(e) => setMatch({ ...match, ratio: e.target.value })} />}</Field>
        <Field label={t('commitments.cap')}>{(p) => <input {...p} required inputMode="decimal" className={`${inputClass} w-28`} value={match.cap} onChange={(e) => setMatch({ ...match, cap: e.target.value })} />}</Field>
        <Field label={t('funding.from')}>{(p) => <input {...p} type="date" className={inputClass} value={match.startsOn} onChange={(e) => setMatch({ ...match, startsOn: e.target.value })} />}</Field>
        <Field label={t('funding.to')}>{(p) => <input {...p} type="date" className={inputClass} value={match.endsOn} onChange={(e) => setMatch({ ...match, endsOn: e.target.value })} />}</Field>
        <Field label={t('commitments.campaign')}>{(p) => <input {...p} className={`${inputClass} w-32`} value={match.campaign} onChange={(e) => setMatch({ ...match, campaign: e.target.value })} />}</Field>
        <button type="submit" className={secondaryButtonClass}>{t('commitments.addMatch')}</button>
      </form>
    </section>
  );
}
