import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api.ts';
import { ErrorBanner, Field, buttonClass, inputClass } from '../../components/Field.tsx';
import { formatDate, formatDateTime } from '../../dates.ts';
import { wordReason } from '../../ladder-reasons.ts';
import { ConsentSection } from '../consent/ConsentSection.tsx';

interface Step { key: string; label: { en: string; es: string } }
interface Move { from: string | null; to: string; reason: string; manual: boolean; at: string }
interface Attended { id: string; title: string; kind: string; startsAt: string; status: string }

/**
 * A contact's place on the ladder with the history of moves and the reason for each, the
 * convenings they came to, and a move by hand (with its reason) for members of the organization.
 */
export function ContactRecord({ spaceId, contactId, canWrite }: { spaceId: string; contactId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('es') ? 'es' : 'en';
  const [steps, setSteps] = useState<Step[]>([]);
  const [ladder, setLadder] = useState<{ step: string | null; moves: Move[] } | null>(null);
  const [attended, setAttended] = useState<Attended[]>([]);
  const [move, setMove] = useState({ step: '', reason: '' });
  const [error, setError] = useState<string | null>(null);
  const fail = (err: unknown) => setError(errorText(t, err));
  const load = () => Promise.all([
    api.get<{ step: string | null; moves: Move[] }>(`/contacts/${contactId}/ladder`).then(setLadder, fail),
    api.get<{ items: Attended[] }>(`/contacts/${contactId}/attendance`).then((r) => setAttended(r.items), fail),
  ]);
  useEffect(() => {
    void api.get<{ steps: Step[] }>(`/spaces/${spaceId}/ladder`).then((l) => setSteps(l.steps), fail);
    void load();
  }, [contactId]);
  const label = (key: string | null) => (key === null ? '—' : steps.find((s) => s.key === key)?.label[lang] ?? key);
  async function moveByHand() {
    try { await api.put(`/contacts/${contactId}/ladder`, move); setMove({ step: '', reason: '' }); setError(null); void load(); } catch (err) { fail(err); }
  }
  return (
    <div className="mt-2 flex flex-col gap-2 border-t border-stone-100 pt-2 text-sm">
      <ErrorBanner message={error} />
      {ladder && <p><span className="font-medium">{t('contacts.record.step')}</span> {label(ladder.step)}</p>}
      {ladder && ladder.moves.length > 0 && (
        <ol className="list-inside list-decimal" aria-label={t('contacts.record.history')}>
          {ladder.moves.map((m, i) => (
            <li key={i}>{t(m.manual ? 'contacts.record.movedByHand' : 'contacts.record.moved', { from: label(m.from), to: label(m.to), when: formatDateTime(m.at) })}
              {' — '}<span className="text-stone-700">{m.manual ? m.reason : wordReason(m.reason, t)}</span></li>
          ))}
        </ol>
      )}
      <p className="font-medium">{t('contacts.record.attended', { count: attended.length })}</p>
      {attended.length > 0 && (
        <ul>{attended.map((a) => <li key={a.id}>{`${formatDate(a.startsAt.slice(0, 10))} · ${a.title} (${t(`convenings.kinds.${a.kind}`)}) · ${t(`leadership.statuses.${a.status}`)}`}</li>)}</ul>
      )}
      {canWrite && steps.length > 0 && (
        <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); void moveByHand(); }}>
          <Field label={t('contacts.record.moveTo')}>{(p) => (
            <select {...p} required className={`${inputClass} w-auto`} value={move.step} onChange={(e) => setMove({ ...move, step: e.target.value })}>
              <option value="" />{steps.map((s) => <option key={s.key} value={s.key}>{s.label[lang]}</option>)}
            </select>)}</Field>
          <Field label={t('contacts.record.reason')}>{(p) => <input {...p} required className={inputClass} value={move.reason} onChange={(e) => setMove({ ...move, reason: e.target.value })} />}</Field>
          <button type="submit" className={buttonClass} disabled={!move.step || !move.reason.trim()}>{t('contacts.record.move')}</button>
        </form>
      )}
      <ConsentSection contactId={contactId} canWrite={canWrite} />
    </div>
  );
}
