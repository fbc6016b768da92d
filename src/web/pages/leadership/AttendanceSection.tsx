import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api.ts';
import { ErrorBanner, Field, buttonClass, inputClass, secondaryButtonClass } from '../../components/Field.tsx';
import { formatDate } from '../../dates.ts';
import { ContactPicker, type PickedContact, nameOf } from './ContactPicker.tsx';

export interface Convening { id: string; title: string; kind: string; startsAt: string; holderName: string }
interface Recorded { id: string; contactId: string; firstName: string; lastName: string; status: string; source: string }

/** A sign-in sheet: pick a convening, add the people who came, record them; the ladder follows. */
export function AttendanceSection({ spaceId, convenings, canWrite }: { spaceId: string; convenings: Convening[]; canWrite: boolean }) {
  const { t } = useTranslation();
  const [conveningId, setConveningId] = useState('');
  const [recorded, setRecorded] = useState<Recorded[]>([]);
  const [sheet, setSheet] = useState<PickedContact[]>([]);
  const [status, setStatus] = useState<'attended' | 'registered' | 'no_show'>('attended');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = (id: string) => (id ? api.get<{ items: Recorded[] }>(`/spaces/${spaceId}/attendance?conveningId=${id}`).then((r) => setRecorded(r.items), (err: unknown) => setError(errorText(t, err))) : setRecorded([]));
  useEffect(() => { void load(conveningId); }, [conveningId]);
  async function record() {
    try {
      const r = await api.post<{ recorded: number; movedOnLadder: number }>(`/spaces/${spaceId}/attendance`, { conveningId, contactIds: sheet.map((c) => c.id), status, source: 'sign_in' });
      setMessage(t('leadership.recorded', { count: r.recorded, moved: r.movedOnLadder }));
      setSheet([]);
      setError(null);
      void load(conveningId);
    } catch (err) { setError(errorText(t, err)); }
  }
  async function remove(id: string) {
    try { await api.delete(`/attendance/${id}`); void load(conveningId); } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <section aria-labelledby="attendance-title" className="rounded border border-stone-200 bg-white p-3">
      <h2 id="attendance-title" className="text-lg font-semibold">{t('leadership.attendance')}</h2>
      <p className="text-sm text-stone-700">{t('leadership.attendanceHelp')}</p>
      <ErrorBanner message={error} />
      <Field label={t('leadership.convening')}>{(p) => (
        <select {...p} className={inputClass} value={conveningId} onChange={(e) => { setConveningId(e.target.value); setMessage(null); }}>
          <option value="">{t('leadership.chooseConvening')}</option>
          {convenings.map((c) => <option key={c.id} value={c.id}>{`${formatDate(c.startsAt.slice(0, 10))} · ${c.title} (${t(`convenings.kinds.${c.kind}`)}, ${c.holderName})`}</option>)}
        </select>)}</Field>
      {conveningId && (
        <>
          <h3 className="mt-3 font-medium">{t('leadership.recordedHere', { count: recorded.length })}</h3>
          <ul className="text-sm">
            {recorded.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-2 py-0.5">
                <span>{nameOf(r)}</span><span className="text-stone-600">{t(`leadership.statuses.${r.status}`)}</span>
                {canWrite && <button type="button" className="underline" onClick={() => void remove(r.id)}>{t('leadership.remove')}</button>}
              </li>
            ))}
          </ul>
          {canWrite && (
            <div className="mt-3 flex flex-col gap-2">
              <ContactPicker spaceId={spaceId} label={t('leadership.addToSheet')} onPick={(c) => setSheet((s) => (s.some((x) => x.id === c.id) ? s : [...s, c]))} />
              {sheet.length > 0 && (
                <ul className="flex flex-wrap gap-2 text-sm" aria-label={t('leadership.sheet')}>
                  {sheet.map((c) => (
                    <li key={c.id} className="rounded bg-stone-100 px-2 py-0.5">{nameOf(c)}{' '}
                      <button type="button" aria-label={t('leadership.removeFromSheet', { name: nameOf(c) })} onClick={() => setSheet(sheet.filter((x) => x.id !== c.id))}>×</button>
                    </li>
                  ))}
                </ul>
              )}
              <div className="flex flex-wrap items-end gap-2">
                <Field label={t('leadership.status')}>{(p) => (
                  <select {...p} className={`${inputClass} w-auto`} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
                    {(['attended', 'registered', 'no_show'] as const).map((s) => <option key={s} value={s}>{t(`leadership.statuses.${s}`)}</option>)}
                  </select>)}</Field>
                <button type="button" className={buttonClass} disabled={sheet.length === 0} onClick={() => void record()}>{t('leadership.record', { count: sheet.length })}</button>
                {sheet.length > 0 && <button type="button" className={secondaryButtonClass} onClick={() => setSheet([])}>{t('leadership.clearSheet')}</button>}
              </div>
            </div>
          )}
          {message && <p role="status" className="mt-2 text-sm">{message}</p>}
        </>
      )}
    </section>
  );
}
