import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { roleAtLeast } from '../../../spaces/roles.ts';
import { api, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner, Field, inputClass, secondaryButtonClass, Tag } from '../../components/Field.tsx';
import { formatDateTime } from '../../dates.ts';
import { useSession } from '../../session.tsx';
import { ReachContributions } from '../reach/ReachContributions.tsx';
import { blindTheirs, forgetSecret, holdsList, holdsSecret, revealShared, sendMine, type Side } from './run-side.ts';

interface Partner { id: string; name: string; spaceId: string | null; allianceId: string; allianceName: string }
interface Run {
  id: string; requesterSpaceId: string; partnerSpaceId: string; allianceName: string; requesterName: string; partnerName: string; kind: string; minCount: number;
  status: 'requested' | 'accepted' | 'declined' | 'cancelled' | 'done'; requesterSize: number | null; partnerSize: number | null; sharedCount: number | null; belowMin: boolean | null;
  createdAt: string; reveal: boolean; requesterEffortName: string | null; revealedCount: number | null;
  steps: { requesterBlinded: boolean; partnerBlinded: boolean; requesterReblinded: boolean; partnerReblinded: boolean; requesterMatches: boolean; partnerMatches: boolean };
}
interface Effort { id: string; name: string; status: string }
const KINDS = ['email', 'phone', 'name_address'] as const;

/** How many people this organization shares with a fellow member, counted without either seeing the other's list. */
export function OverlapPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const isAdmin = roleAtLeast(me?.spaces.find((s) => s.id === id)?.role, 'admin');
  const [runs, setRuns] = useState<Run[] | null>(null);
  const [partners, setPartners] = useState<Partner[]>([]);
  const [form, setForm] = useState({ partner: '', kind: 'email', minCount: '10', reveal: false, effortId: '' });
  const [efforts, setEfforts] = useState<Effort[]>([]);
  // Who is shared, per run, as this tab read it (the server gives it once).
  const [revealed, setRevealed] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState<{ runId: string; share: number } | null>(null);
  const [defaults, setDefaults] = useState<Record<'count_in_alliance' | 'overlap_matching', boolean> | null>(null);
  const number = (n: number) => n.toLocaleString(i18n.language);
  // Runs whose automatic second step failed: shown with their error, never retried in a loop.
  const failed = useRef(new Set<string>());

  const load = useCallback(() => api.get<Run[]>(`/spaces/${id}/overlap-runs`).then(setRuns, (e: unknown) => setError(errorText(t, e))), [id, t]);
  useEffect(() => {
    void load();
    void api.get<Partner[]>(`/spaces/${id}/overlap-partners`).then(setPartners, () => setPartners([]));
    void api.get<Record<'count_in_alliance' | 'overlap_matching', boolean>>(`/spaces/${id}/consent-defaults`).then(setDefaults, () => setDefaults(null));
    void api.get<{ items: Effort[] }>(`/spaces/${id}/efforts`).then((e) => setEfforts(e.items), () => setEfforts([]));
  }, [id, load]);

  async function setDefault(purpose: 'count_in_alliance' | 'overlap_matching', granted: boolean) {
    try {
      await api.put(`/spaces/${id}/consent-defaults`, { purpose, granted });
      setDefaults((d) => (d ? { ...d, [purpose]: granted } : d));
    } catch (e) { setError(errorText(t, e)); }
  }

  const sideOf = (run: Run): Side => (run.requesterSpaceId === id ? 'requester' : 'partner');
  const mineSent = (run: Run) => (sideOf(run) === 'requester' ? run.steps.requesterBlinded : run.steps.partnerBlinded);
  const theirsSent = (run: Run) => (sideOf(run) === 'requester' ? run.steps.partnerBlinded : run.steps.requesterBlinded);
  const mineReturned = (run: Run) => (sideOf(run) === 'requester' ? run.steps.requesterReblinded : run.steps.partnerReblinded);

  async function step(run: Run, action: 'send' | 'finish') {
    setError(null);
    setWorking({ runId: run.id, share: 0 });
    const progress = (share: number) => setWorking({ runId: run.id, share });
    try {
      if (action === 'send') await sendMine(run.id, sideOf(run), progress);
      else await blindTheirs(run.id, sideOf(run), progress);
    } catch (e) {
      failed.current.add(run.id);
      setError(e instanceof Error && e.message === 'secret lost' ? t('overlap.secretLost') : errorText(t, e));
    }
    setWorking(null);
    await load();
  }

  // While this page is open, this side's second step runs as soon as the other side has sent its values.
  useEffect(() => {
    if (working || !runs) return undefined;
    const ready = runs.find((r) => r.status === 'accepted' && mineSent(r) && theirsSent(r) && !mineReturned(r) && holdsSecret(r.id, sideOf(r)) && !failed.current.has(r.id));
    if (ready) { void step(ready, 'finish'); return undefined; }
    // Otherwise, while a run waits on the other side (its answer, its list, its second step), look again now and then.
    const waiting = runs.some((r) => r.status === 'requested' || (r.status === 'accepted' && mineSent(r)));
    if (!waiting) return undefined;
    const timer = setInterval(() => void load(), 5000);
    return () => clearInterval(timer);
  });

  async function ask(event: FormEvent) {
    event.preventDefault();
    const partner = partners.find((p) => `${p.spaceId}|${p.allianceId}` === form.partner);
    if (!partner) { setError(t('overlap.choosePartner')); return; }
    try {
      await api.post(`/spaces/${id}/overlap-runs`, { partnerSpaceId: partner.spaceId, allianceId: partner.allianceId, kind: form.kind, minCount: Number(form.minCount),
        reveal: form.reveal, effortId: form.effortId || null });
      setError(null);
      await load();
    } catch (e) { setError(errorText(t, e)); }
  }

  async function answer(run: Run, choice: 'accept' | 'decline' | 'cancel') {
    try {
      await api.put(`/overlap-runs/${run.id}/status`, { answer: choice });
      if (choice === 'cancel') forgetSecret(run.id, sideOf(run));
      await load();
    } catch (e) { setError(errorText(t, e)); }
  }

  async function reveal(run: Run) {
    try {
      const shared = await revealShared(run.id, sideOf(run));
      setRevealed((r) => ({ ...r, [run.id]: shared }));
      await load();
    } catch (e) { setError(e instanceof Error && e.message === 'secret lost' ? t('overlap.listLost') : errorText(t, e)); }
  }

  function whoIsShared(run: Run) {
    if (run.status !== 'done' || !run.reveal) return null;
    const list = revealed[run.id];
    if (list) {
      const csv = `data:text/csv;charset=utf-8,${encodeURIComponent(`${run.kind}\n${list.join('\n')}\n`)}`;
      return (
        <div className="flex flex-col gap-1">
          <p className="text-sm">{t('overlap.revealedOnce', { count: list.length })} <a className="underline" href={csv} download={`shared-${run.id}.csv`}>{t('overlap.download')}</a></p>
          <ul className="max-h-64 overflow-y-auto text-sm" aria-label={t('overlap.revealedList')}>{list.map((v) => <li key={v}>{v}</li>)}</ul>
        </div>
      );
    }
    const waiting = sideOf(run) === 'requester' ? run.steps.requesterMatches : run.steps.partnerMatches;
    if (!waiting) return <p className="text-sm text-stone-600">{t('overlap.revealedRead', { count: run.revealedCount ?? 0 })}</p>;
    if (!holdsList(run.id, sideOf(run))) return <p className="text-sm text-stone-600">{t('overlap.listLost')}</p>;
    return isAdmin ? <button type="button" className={buttonClass + ' self-start'} onClick={() => void reveal(run)}>{t('overlap.showShared', { count: run.revealedCount ?? 0 })}</button> : null;
  }

  function result(run: Run) {
    if (run.status !== 'done') return null;
    return (
      <p className="text-lg font-semibold">
        {run.belowMin ? t('overlap.fewerThan', { count: run.minCount }) : t('overlap.shared', { count: run.sharedCount ?? 0, formatted: number(run.sharedCount ?? 0) })}
        <span className="ml-2 text-sm font-normal text-stone-600">{t('overlap.sizes', { mine: number((sideOf(run) === 'requester' ? run.requesterSize : run.partnerSize) ?? 0), theirs: number((sideOf(run) === 'requester' ? run.partnerSize : run.requesterSize) ?? 0) })}</span>
      </p>
    );
  }

  function next(run: Run) {
    if (working?.runId === run.id) return <p role="status" className="text-sm">{t('overlap.working', { percent: Math.round(working.share * 100) })}</p>;
    if (run.status === 'requested') {
      return sideOf(run) === 'partner' && isAdmin
        ? <span className="flex gap-2"><button type="button" className={buttonClass} onClick={() => void answer(run, 'accept')}>{t('overlap.accept')}</button>
          <button type="button" className={secondaryButtonClass} onClick={() => void answer(run, 'decline')}>{t('overlap.decline')}</button></span>
        : <p className="text-sm">{t('overlap.waitingAnswer')}</p>;
    }
    if (run.status !== 'accepted') return null;
    if (!mineSent(run)) return isAdmin ? <button type="button" className={buttonClass} onClick={() => void step(run, 'send')}>{t('overlap.runMySide')}</button> : <p className="text-sm">{t('overlap.adminsRun')}</p>;
    if (!mineReturned(run) && !holdsSecret(run.id, sideOf(run))) return <p className="text-sm">{t('overlap.secretLost')}</p>;
    return <p className="text-sm">{theirsSent(run) && !mineReturned(run) ? t('overlap.finishing') : t('overlap.waitingOther')}</p>;
  }

  return (
    <article className="flex flex-col gap-4">
      <p className="text-sm"><Link className="underline" to={`/spaces/${id}`}>{me?.spaces.find((s) => s.id === id)?.name}</Link></p>
      <h1 className="text-2xl font-bold">{t('overlap.title')}</h1>
      <p className="max-w-prose text-stone-700">{t('overlap.explain')}</p>
      <ErrorBanner message={error} />
      {isAdmin && (
        <form onSubmit={(e) => void ask(e)} aria-labelledby="overlap-ask" className="grid grid-cols-1 gap-2 rounded border border-stone-200 bg-white p-3 sm:grid-cols-4">
          <h2 id="overlap-ask" className="font-semibold sm:col-span-4">{t('overlap.ask')}</h2>
          <Field label={t('overlap.partner')}>{(p) => (
            <select {...p} className={inputClass} value={form.partner} onChange={(e) => setForm({ ...form, partner: e.target.value })}>
              <option value="">{partners.length ? t('overlap.choosePartner') : t('overlap.noPartners')}</option>
              {partners.map((o) => <option key={`${o.spaceId}|${o.allianceId}`} value={`${o.spaceId}|${o.allianceId}`}>{t('overlap.partnerIn', { name: o.name, alliance: o.allianceName })}</option>)}
            </select>)}
          </Field>
          <Field label={t('overlap.matchBy')}>{(p) => (
            <select {...p} className={inputClass} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
              {KINDS.map((k) => <option key={k} value={k}>{t(`overlap.kinds.${k}`)}</option>)}
            </select>)}
          </Field>
          <Field label={t('overlap.effort')} hint={t('overlap.effortHelp')}>{(p) => (
            <select {...p} className={inputClass} value={form.effortId} onChange={(e) => setForm({ ...form, effortId: e.target.value })}>
              <option value="">{t('overlap.wholeList')}</option>
              {efforts.filter((e) => e.status !== 'closed').map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
            </select>)}
          </Field>
          <Field label={t('overlap.minCount')} hint={t('overlap.minCountHelp')}>{(p) => <input {...p} type="number" min={10} className={inputClass} value={form.minCount} onChange={(e) => setForm({ ...form, minCount: e.target.value })} />}</Field>
          <label className="flex items-start gap-2 sm:col-span-3">
            <input type="checkbox" className="mt-1" checked={form.reveal} onChange={(e) => setForm({ ...form, reveal: e.target.checked })} />
            <span>{t('overlap.reveal')}<span className="block text-sm text-stone-600">{t('overlap.revealHelp')}</span></span>
          </label>
          <div className="self-end"><button type="submit" className={buttonClass}>{t('overlap.askButton')}</button></div>
        </form>
      )}
      <ReachContributions spaceId={id} isAdmin={isAdmin} />
      {defaults && (
        <fieldset className="flex flex-col gap-1 rounded border border-stone-200 bg-white p-3">
          <legend className="font-semibold">{t('overlap.defaults')}</legend>
          <p className="text-sm text-stone-600">{t('overlap.defaultsHelp')}</p>
          {(['overlap_matching', 'count_in_alliance'] as const).map((purpose) => (
            <label key={purpose} className="flex items-start gap-2">
              <input type="checkbox" className="mt-1" checked={defaults[purpose]} disabled={!isAdmin} onChange={(e) => void setDefault(purpose, e.target.checked)} />
              <span>{t(`consent.purposes.${purpose}`)}</span>
            </label>
          ))}
        </fieldset>
      )}
      {runs === null ? <p role="status">{t('common.loading')}</p> : runs.length === 0 ? <p className="text-stone-600">{t('overlap.none')}</p> : (
        <ul className="flex flex-col gap-2" aria-label={t('overlap.runs')}>
          {runs.map((run) => (
            <li key={run.id} className="flex flex-col gap-1 rounded border border-stone-200 bg-white p-3">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{sideOf(run) === 'requester' ? run.partnerName : run.requesterName}</span>
                <Tag>{t(`overlap.kinds.${run.kind}`)}</Tag><Tag>{t(`overlap.status.${run.status}`)}</Tag>
                {run.reveal && <Tag>{t('overlap.revealTag')}</Tag>}
                {run.requesterEffortName && <Tag>{t('overlap.turfTag', { effort: run.requesterEffortName })}</Tag>}
                <span className="text-sm text-stone-600">{t('overlap.via', { alliance: run.allianceName, date: formatDateTime(run.createdAt) })}</span>
              </p>
              {result(run)}
              {whoIsShared(run)}
              {next(run)}
              {isAdmin && ((run.status === 'requested' && sideOf(run) === 'requester') || run.status === 'accepted') && working?.runId !== run.id && (
                <button type="button" className="self-start text-sm underline" onClick={() => void answer(run, 'cancel')}>{t('overlap.cancel')}</button>
              )}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
