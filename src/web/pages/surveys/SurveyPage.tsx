import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner, Field, inputClass, secondaryButtonClass, Tag } from '../../components/Field.tsx';
import { formatDateTime } from '../../dates.ts';
import { type Results, SurveyResults } from './SurveyResults.tsx';
import { FactorItemsEditor } from './SurveysPage.tsx';

interface Wave {
  id: string; allianceId: string; title: string; status: 'draft' | 'open' | 'closed'; deadline: string; includeAllies: boolean;
  factorItems: { factor: string; en: string; es: string }[]; canManage: boolean; emailEnabled: boolean; mine: { organizationId: string } | null;
  invitations: { organizationId: string; organizationName: string; personName: string | null; emailedAt: string | null; remindedAt: string | null; answered: boolean }[];
}
const toLocal = (iso: string) => { const d = new Date(iso); return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16); };

/** One wave: who was asked and who answered; the coordinator's actions; the results once closed. */
export function SurveyPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [wave, setWave] = useState<Wave | null>(null);
  const [results, setResults] = useState<Results | null>(null);
  const [edit, setEdit] = useState<{ title: string; deadline: string; includeAllies: boolean; factorItems: Wave['factorItems'] } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    try {
      const w = await api.get<Wave>(`/surveys/${id}`);
      setWave(w);
      setResults(w.status === 'closed' ? await api.get<Results>(`/surveys/${id}/results`) : null);
    } catch (err) { setError(errorText(t, err)); }
  };
  useEffect(() => { void load(); }, [id]);
  if (!wave) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  const act = async (what: 'open' | 'remind' | 'close') => {
    if (what === 'close' && !window.confirm(t('survey.confirmClose'))) return;
    try {
      const res = await api.post<{ invited?: number; emailed?: number }>(`/surveys/${id}/${what}`, {});
      setNotice(what === 'open' ? t('survey.opened', { invited: res.invited ?? 0, emailed: res.emailed ?? 0 }) : what === 'remind' ? t('survey.reminded', { count: res.emailed ?? 0 }) : t('survey.closed'));
      setError(null); await load();
    } catch (err) { setError(errorText(t, err)); }
  };
  const answer = async () => {
    try { navigate(`/survey/${(await api.post<{ token: string }>(`/surveys/${id}/my-link`, {})).token}`); } catch (err) { setError(errorText(t, err)); }
  };
  async function save(event: FormEvent) {
    event.preventDefault();
    if (!edit) return;
    try {
      await api.put(`/surveys/${id}`, { ...edit, deadline: edit.deadline ? new Date(edit.deadline).toISOString() : '' });
      setEdit(null); setError(null); await load();
    } catch (err) { setError(errorText(t, err)); }
  }
  const remove = async () => {
    if (!window.confirm(t('survey.confirmDelete'))) return;
    try { await api.delete(`/surveys/${id}`); navigate(`/alliances/${wave.allianceId}/surveys`); } catch (err) { setError(errorText(t, err)); }
  };
  const answered = wave.invitations.filter((i) => i.answered).length;
  return (
    <article className="flex flex-col gap-4">
      <p className="text-sm"><Link className="underline" to={`/alliances/${wave.allianceId}/surveys`}>{t('survey.title')}</Link></p>
      <h1 className="text-2xl font-bold">{wave.title} <Tag>{t(`survey.status.${wave.status}`)}</Tag></h1>
      <p className="text-stone-700">{t('survey.deadlineOn', { when: formatDateTime(wave.deadline) })}{wave.status !== 'draft' && ` · ${t('survey.answeredOf', { responded: answered, invited: wave.invitations.length })}`}</p>
      <p className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">{t('survey.confidential')}</p>
      {notice && <p role="status" className="rounded border border-green-300 bg-green-50 p-2 text-sm">{notice}</p>}
      <ErrorBanner message={error} />
      <div className="flex flex-wrap gap-2">
        {wave.mine && wave.status === 'open' && <button type="button" className={buttonClass} onClick={() => void answer()}>{t('survey.answerMine')}</button>}
        {wave.canManage && wave.status === 'draft' && <button type="button" className={buttonClass} onClick={() => void act('open')}>{t('survey.open')}</button>}
        {wave.canManage && wave.status !== 'closed' && !edit && <button type="button" className={secondaryButtonClass}
          onClick={() => setEdit({ title: wave.title, deadline: toLocal(wave.deadline), includeAllies: wave.includeAllies, factorItems: wave.factorItems })}>{t('common.edit')}</button>}
        {wave.canManage && wave.status === 'open' && <button type="button" className={secondaryButtonClass} onClick={() => void act('remind')}>{t('survey.remind')}</button>}
        {wave.canManage && wave.status === 'open' && <button type="button" className={secondaryButtonClass} onClick={() => void act('close')}>{t('survey.close')}</button>}
        {wave.canManage && wave.status === 'draft' && <button type="button" className={secondaryButtonClass} onClick={() => void remove()}>{t('survey.delete')}</button>}
      </div>
      {wave.canManage && !wave.emailEnabled && wave.status !== 'closed' && <p className="text-sm text-stone-700">{t('survey.noEmail')}</p>}
      {edit && (
        <form onSubmit={save} className="flex flex-col gap-3 rounded border border-stone-200 bg-white p-3">
          <Field label={t('survey.waveTitle')}>{(p) => <input {...p} className={inputClass} value={edit.title} onChange={(e) => setEdit({ ...edit, title: e.target.value })} />}</Field>
          <Field label={t('survey.deadline')}>{(p) => <input {...p} type="datetime-local" className={inputClass} value={edit.deadline} onChange={(e) => setEdit({ ...edit, deadline: e.target.value })} />}</Field>
          {wave.status === 'draft' && <>
            <label className="flex items-start gap-2 text-sm"><input type="checkbox" className="mt-1" checked={edit.includeAllies} onChange={(e) => setEdit({ ...edit, includeAllies: e.target.checked })} />{t('survey.includeAllies')}</label>
            <FactorItemsEditor items={edit.factorItems} onChange={(factorItems) => setEdit({ ...edit, factorItems })} />
          </>}
          <div className="flex gap-2"><button type="submit" className={buttonClass}>{t('common.save')}</button><button type="button" className={secondaryButtonClass} onClick={() => setEdit(null)}>{t('common.cancel')}</button></div>
        </form>
      )}
      {wave.invitations.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[28rem] bg-white text-sm">
            <caption className="text-left font-semibold">{t('survey.invitations')}</caption>
            <thead><tr className="border-b text-left"><th className="p-1">{t('survey.results.organization')}</th><th className="p-1">{t('survey.invitedPerson')}</th>
              <th className="p-1">{t('survey.emailed')}</th><th className="p-1">{t('survey.answer.heading')}</th></tr></thead>
            <tbody>{wave.invitations.map((i) => (
              <tr key={i.organizationId} className="border-b">
                <td className="p-1">{i.organizationName}</td><td className="p-1">{i.personName ?? <span className="text-red-700">{t('survey.noSeat')}</span>}</td>
                <td className="p-1">{i.emailedAt ? formatDateTime(i.remindedAt ?? i.emailedAt) : '—'}</td><td className="p-1">{i.answered ? t('survey.yes') : t('survey.notYet')}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      )}
      {wave.status === 'open' && <p className="text-sm text-stone-700">{t('survey.resultsWait')}</p>}
      {results && <SurveyResults r={results} />}
    </article>
  );
}
