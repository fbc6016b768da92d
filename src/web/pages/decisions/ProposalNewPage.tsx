import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner, Field, inputClass, secondaryButtonClass } from '../../components/Field.tsx';
import { MEMBERSHIP_STATUSES } from '../../../orgs/organization.vocab.ts';
import { allianceWithAllMembers } from '../../alliance-members.ts';
import type { AlliancePageResult } from '../../types.ts';
import { newStep, type StepDraft, StepEditor, stepPayload } from './StepEditor.tsx';

/** A new proposal: its text and attachments, and the process it will go through. */
export function ProposalNewPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [alliance, setAlliance] = useState<AlliancePageResult | null>(null);
  const [committees, setCommittees] = useState<{ id: string; name: string }[]>([]);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [attachments, setAttachments] = useState<{ name: string; url: string }[]>([]);
  const [steps, setSteps] = useState<StepDraft[]>([{ ...newStep('consultation') }, { ...newStep('vote') }]);
  // What a ratified outcome changes by itself: today, a membership's status (e.g. admitting a member).
  const [decidesMembership, setDecidesMembership] = useState('');
  const [decidesStatus, setDecidesStatus] = useState('active');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    allianceWithAllMembers(id!).then(setAlliance, (err: unknown) => setError(errorText(t, err)));
    api.get<{ id: string; name: string }[]>(`/alliances/${id}/committees`).then(setCommittees, () => undefined);
  }, [id]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setFailure(null);
    try {
      const created = await api.post<{ id: string }>(`/alliances/${id}/proposals`, {
        title, body, attachments, steps: steps.map(stepPayload),
        decides: decidesMembership ? { kind: 'membership', membershipId: decidesMembership, status: decidesStatus } : null,
      });
      void navigate(`/proposals/${created.id}`);
    } catch (err) {
      if (err instanceof ApiError) setFailure(err);
      setError(errorText(t, err));
    }
  }
  const errorFor = (field: string) => failure?.errors.find((e) => e.field === field || e.field.startsWith(`${field}.`))?.message;
  const members = (alliance?.members ?? []).filter((m) => m.status === 'active').map((m) => ({ memberId: m.memberId, name: m.name }));

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <p className="text-sm"><Link className="underline" to={`/alliances/${id}/decisions`}>{alliance?.alliance.name ?? t('decisions.proposals')}</Link></p>
      <h1 className="text-2xl font-bold">{t('decisions.newProposal')}</h1>
      <Field label={t('decisions.title')} error={errorFor('title')}>{(p) => <input {...p} className={inputClass} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
      <Field label={t('decisions.body')} error={errorFor('body')}>{(p) => <textarea {...p} rows={8} className={inputClass} value={body} onChange={(e) => setBody(e.target.value)} />}</Field>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <Field label={t('decisions.decidesMembership')} hint={t('decisions.decidesHelp')} error={errorFor('decides.membershipId')}>{(p) => (
          <select {...p} className={inputClass} value={decidesMembership} onChange={(e) => setDecidesMembership(e.target.value)}>
            <option value="">{t('decisions.decidesNothing')}</option>
            {(alliance?.members ?? []).map((m) => <option key={m.id} value={m.id}>{m.name} ({t(`enum.status.${m.status}`)})</option>)}
          </select>)}</Field>
        {decidesMembership && (
          <Field label={t('decisions.decidesStatus')}>{(p) => (
            <select {...p} className={inputClass} value={decidesStatus} onChange={(e) => setDecidesStatus(e.target.value)}>
              {MEMBERSHIP_STATUSES.map((st) => <option key={st} value={st}>{t(`enum.status.${st}`)}</option>)}
            </select>)}</Field>
        )}
      </div>
      <section aria-labelledby="attachments-title" className="flex flex-col gap-2">
        <h2 id="attachments-title" className="font-semibold">{t('decisions.attachments')}</h2>
        {attachments.map((a, i) => (
          <div key={i} className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            <Field label={t('decisions.attachmentName')} error={errorFor(`attachments[${i}].name`)}>{(p) => <input {...p} className={inputClass} value={a.name} onChange={(e) => setAttachments(attachments.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />}</Field>
            <Field label={t('decisions.attachmentUrl')} error={errorFor(`attachments[${i}].url`)}>{(p) => <input {...p} type="url" className={inputClass} value={a.url} onChange={(e) => setAttachments(attachments.map((x, j) => (j === i ? { ...x, url: e.target.value } : x)))} />}</Field>
          </div>
        ))}
        <div><button type="button" className={secondaryButtonClass} onClick={() => setAttachments([...attachments, { name: '', url: '' }])}>{t('decisions.addAttachment')}</button></div>
      </section>
      <section aria-labelledby="process-title" className="flex flex-col gap-2">
        <h2 id="process-title" className="font-semibold">{t('decisions.process')}</h2>
        <p className="text-sm text-stone-600">{t('decisions.processHelp')}</p>
        {steps.map((s, i) => (
          <StepEditor key={i} step={s} index={i} members={members} committees={committees} errorFor={errorFor}
            onChange={(next) => setSteps(steps.map((x, j) => (j === i ? next : x)))} onRemove={() => setSteps(steps.filter((_, j) => j !== i))} />
        ))}
        <div className="flex gap-2">
          <button type="button" className={secondaryButtonClass} onClick={() => setSteps([...steps, newStep('consultation')])}>{t('decisions.addConsultation')}</button>
          <button type="button" className={secondaryButtonClass} onClick={() => setSteps([...steps, newStep('vote')])}>{t('decisions.addVote')}</button>
        </div>
      </section>
      <ErrorBanner message={error} />
      <div><button type="submit" className={buttonClass}>{t('decisions.saveDraft')}</button></div>
    </form>
  );
}
