import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, ApiError, errorText } from '../api.ts';
import { ErrorBanner, Field, Tag, buttonClass, inputClass, secondaryButtonClass } from '../components/Field.tsx';
import { doneResults, loadPacket, type Packet, type PacketContact, pending, queue, savePacket, sent } from './field-store.ts';

/** Keeps the app's own files for use with no signal (the service worker serves them from here). */
async function keepAppFiles() {
  if (!('caches' in window)) return;
  const own = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.startsWith(`${location.origin}/assets/`));
  const cache = await caches.open('crossroads-shell-v1');
  await cache.addAll(['/', ...own]).catch(() => undefined);
}

/**
 * A volunteer's turf or call list on a phone, working with or without a signal: the packet is kept
 * on the phone, each result and sign-up is kept until the server has it, and everything waiting is
 * sent when the signal comes back (or on request).
 */
export function FieldAssignmentPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('es') ? 'es' : 'en';
  const [packet, setPacket] = useState<Packet | null>(null);
  const [done, setDone] = useState<Map<string, string>>(new Map());
  const [waiting, setWaiting] = useState(0);
  const [online, setOnline] = useState(navigator.onLine);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refreshLocal = useCallback(async () => {
    setWaiting((await pending(id)).length);
    setDone(await doneResults());
  }, [id]);

  const syncNow = useCallback(async () => {
    const items = await pending(id);
    if (items.length === 0) return;
    const attempts = items.flatMap((i) => (i.kind === 'attempt' ? [{ id: i.id, contactId: i.contactId, result: i.result, answers: i.answers, notes: i.notes, madeAt: i.madeAt }] : []));
    const signups = items.flatMap((i) => (i.kind === 'signup' ? [{ id: i.id, firstName: i.firstName, lastName: i.lastName, phone: i.phone, email: i.email, attended: i.attended, madeAt: i.madeAt }] : []));
    try {
      await api.post(`/assignments/${id}/attempts`, { attempts, signups });
      await sent(items.map((i) => i.id));
      setError(null);
    } catch (err) {
      // No signal: everything stays on the phone for the next try. Items the server refuses (a
      // phone number it cannot read, say) are taken out of the queue and shown, so the rest can go.
      if (err instanceof ApiError && err.status === 422) {
        const refused = new Set(err.errors.map((e) => /^(attempts|signups)\[(\d+)\]/.exec(e.field)).filter((m) => m !== null)
          .map((m) => (m![1] === 'attempts' ? attempts : signups)[Number(m![2])]?.id).filter((x): x is string => Boolean(x)));
        if (refused.size) {
          await sent([...refused]);
          setError(`${t('outreach.refused', { count: refused.size })} ${errorText(t, err)}`);
          await refreshLocal();
          return syncNow();
        }
      }
      if (navigator.onLine) setError(errorText(t, err));
    }
    await refreshLocal();
  }, [id, refreshLocal, t]);

  useEffect(() => {
    void (async () => {
      const kept = await loadPacket(id);
      if (kept) setPacket(kept);
      await refreshLocal();
      if (!navigator.onLine) return;
      try {
        const fresh = { ...(await api.get<Omit<Packet, 'savedAt'>>(`/assignments/${id}/packet`)), savedAt: new Date().toISOString() };
        await savePacket(fresh);
        setPacket(fresh);
        await keepAppFiles();
        await syncNow();
      } catch (err) {
        if (!kept) setError(errorText(t, err));
      }
    })();
  }, [id]);

  useEffect(() => {
    const up = () => { setOnline(true); void syncNow(); };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => { window.removeEventListener('online', up); window.removeEventListener('offline', down); };
  }, [syncNow]);

  async function record(contact: PacketContact, form: HTMLFormElement) {
    const data = new FormData(form);
    const result = String(data.get('result') ?? '');
    const answers: Record<string, string | number | boolean> = {};
    for (const q of packet?.effort.script.questions ?? []) {
      const value = data.get(`q-${q.key}`);
      if (value === null || value === '' || result !== 'contacted') continue;
      answers[q.key] = q.type === 'yes_no' ? value === 'yes' : q.type === 'scale' ? Number(value) : String(value);
    }
    const notes = String(data.get('notes') ?? '').trim();
    await queue({ kind: 'attempt', id: crypto.randomUUID(), assignmentId: id, contactId: contact.id, result, answers, ...(notes ? { notes } : {}), madeAt: new Date().toISOString() });
    setOpen(null);
    await refreshLocal();
    if (navigator.onLine) await syncNow();
  }

  async function signUp(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (k: string) => String(data.get(k) ?? '').trim();
    await queue({ kind: 'signup', id: crypto.randomUUID(), assignmentId: id, firstName: text('firstName'), lastName: text('lastName'), phone: text('phone') || undefined,
      email: text('email') || undefined, attended: data.get('attended') === 'on', madeAt: new Date().toISOString() });
    form.reset();
    await refreshLocal();
    if (navigator.onLine) await syncNow();
  }

  if (!packet) return <section className="flex flex-col gap-3"><h1 className="text-xl font-bold">{t('outreach.title')}</h1><ErrorBanner message={error} /><p>{t('outreach.loading')}</p></section>;
  const questions = packet.effort.script.questions;
  return (
    <section className="flex flex-col gap-3">
      <h1 className="text-xl font-bold">{t('outreach.turfName', { name: packet.assignment.name })}</h1>
      <p className="text-sm text-stone-700">{packet.effort.name} · {t(`outreach.kinds.${packet.effort.kind}`)}</p>
      <p role="status" className={`rounded p-2 text-sm ${online ? 'bg-emerald-50' : 'bg-amber-50'}`}>
        {online ? t('outreach.online') : t('outreach.offline')} {waiting ? t('outreach.waiting', { count: waiting }) : t('outreach.allSent')}
      </p>
      {waiting > 0 && online && <button type="button" className={secondaryButtonClass} onClick={() => void syncNow()}>{t('outreach.sendNow')}</button>}
      <ErrorBanner message={error} />
      <ul className="flex flex-col gap-2">
        {packet.contacts.map((c) => {
          const name = `${c.firstName} ${c.lastName}`.trim();
          return (
            <li key={c.id} className="rounded border border-stone-200 bg-white p-3">
              <div className="flex flex-wrap items-baseline gap-2">
                <span className="font-medium">{name}</span>
                {done.has(c.id) && <Tag>{t(`outreach.results.${done.get(c.id)}`)}</Tag>}
              </div>
              <p className="text-sm text-stone-600">{[c.street, c.city, c.zip].filter(Boolean).join(', ')}{c.phone ? ` · ${c.phone}` : ''}</p>
              {open === c.id ? (
                <form className="mt-2 flex flex-col gap-2" onSubmit={(e) => { e.preventDefault(); void record(c, e.currentTarget); }}>
                  <Field label={t('outreach.resultFor', { name })}>{(p) => (
                    <select {...p} name="result" className={inputClass} defaultValue="contacted">
                      {packet.results.map((r) => <option key={r} value={r}>{t(`outreach.results.${r}`)}</option>)}
                    </select>)}</Field>
                  {questions.map((q) => (
                    <Field key={q.key} label={q.prompt[lang]}>{(p) => q.type === 'text'
                      ? <input {...p} name={`q-${q.key}`} className={inputClass} />
                      : (
                        <select {...p} name={`q-${q.key}`} className={inputClass} defaultValue="">
                          <option value="">{t('outreach.noAnswer')}</option>
                          {q.type === 'yes_no' && <><option value="yes">{t('outreach.yes')}</option><option value="no">{t('outreach.no')}</option></>}
                          {q.type === 'choice' && q.choices?.map((ch) => <option key={ch.key} value={ch.key}>{ch.label[lang]}</option>)}
                          {q.type === 'scale' && Array.from({ length: (q.max ?? 5) - (q.min ?? 1) + 1 }, (_, k) => (q.min ?? 1) + k).map((n) => <option key={n} value={n}>{n}</option>)}
                        </select>
                      )}</Field>
                  ))}
                  <Field label={t('outreach.notes')}>{(p) => <textarea {...p} name="notes" className={inputClass} rows={2} />}</Field>
                  <div className="flex gap-2"><button type="submit" className={buttonClass}>{t('outreach.save')}</button>
                    <button type="button" className={secondaryButtonClass} onClick={() => setOpen(null)}>{t('outreach.cancel')}</button></div>
                </form>
              ) : (
                <button type="button" className={`${secondaryButtonClass} mt-2`} onClick={() => setOpen(c.id)}>{t('outreach.record', { name })}</button>
              )}
            </li>
          );
        })}
      </ul>
      <section aria-labelledby="signup-title" className="rounded border border-stone-200 bg-white p-3">
        <h2 id="signup-title" className="font-semibold">{t('outreach.signupTitle')}</h2>
        <p className="text-sm text-stone-600">{t('outreach.signupHelp')}</p>
        <form className="mt-2 flex flex-col gap-2" onSubmit={(e) => void signUp(e)}>
          <Field label={t('contacts.fields.firstName')}>{(p) => <input {...p} name="firstName" className={inputClass} required />}</Field>
          <Field label={t('contacts.fields.lastName')}>{(p) => <input {...p} name="lastName" className={inputClass} />}</Field>
          <Field label={t('contacts.fields.phone')}>{(p) => <input {...p} name="phone" type="tel" className={inputClass} />}</Field>
          <Field label={t('contacts.fields.email')}>{(p) => <input {...p} name="email" type="email" className={inputClass} />}</Field>
          <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="attended" />{t('outreach.attended')}</label>
          <button type="submit" className={buttonClass}>{t('outreach.addSignup')}</button>
        </form>
      </section>
    </section>
  );
}
