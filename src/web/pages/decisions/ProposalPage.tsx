import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner, Field, inputClass, secondaryButtonClass, Tag } from '../../components/Field.tsx';
import type { ProposalPageResult, StepView } from './decision-types.ts';
import { VotePanel } from './VotePanel.tsx';
import { PostBody } from '../discussions/Composer.tsx';
import { roleAtLeast } from '../../../spaces/roles.ts';
import { formatDate, formatDateTime } from '../../dates.ts';

/** A proposal: where it is in its process, each step's record, its versions and its discussion. */
export function ProposalPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [page, setPage] = useState<ProposalPageResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => api.get<ProposalPageResult>(`/proposals/${id}`).then(setPage, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(); }, [id]);
  if (!page) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;

  const isCoordinator = roleAtLeast(page.role, 'admin');
  const isMember = isCoordinator || page.role === 'member';
  const active = page.status === 'draft' || page.status === 'in_process';
  const allDone = page.steps.every((s) => s.status === 'done' || (s.kind === 'consultation' && s === page.steps.at(-1)));
  const act = (path: string, body: unknown = {}) => api.post(path, body).then(() => { setError(null); return load(); }, (err: unknown) => setError(errorText(t, err)));
  const current = page.steps.find((s) => s.status === 'open');
  // A consultation can be left at any time; a vote only once it has closed.
  const hasPending = page.steps.some((s) => s.status === 'pending');
  const canAdvance = page.status === 'draft'
    || (page.status === 'in_process' && hasPending && (!current || current.kind === 'consultation' || current.vote?.status === 'closed'));

  return (
    <article className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <p className="text-sm"><Link className="underline" to={`/alliances/${page.alliance.id}/decisions`}>{page.alliance.name}</Link></p>
        <h1 className="text-2xl font-bold">{page.title}</h1>
        <div className="flex flex-wrap gap-2"><Tag>{t(`decisions.status.${page.status}`)}</Tag><Tag>{t('decisions.versionN', { version: page.version })}</Tag></div>
      </header>
      <ErrorBanner message={error} />
      <section aria-labelledby="process-title" className="rounded border border-stone-200 bg-white p-3">
        <h2 id="process-title" className="mb-2 text-lg font-semibold">{t('decisions.process')}</h2>
        <ol className="flex flex-col gap-1 sm:flex-row sm:flex-wrap sm:gap-3" aria-label={t('decisions.process')}>
          <li className="text-sm"><StepBadge status="done" /> {t('decisions.drafted')}</li>
          {page.steps.map((s) => (
            <li key={s.id} className="text-sm" aria-current={s.status === 'open' ? 'step' : undefined}>
              <StepBadge status={s.status} /> {s.title}
            </li>
          ))}
          <li className="text-sm"><StepBadge status={active ? 'pending' : 'done'} /> {t(`decisions.status.${active ? 'ratified' : page.status}`)}</li>
        </ol>
        {isCoordinator && active && (
          <div className="mt-3 flex flex-wrap gap-2">
            {canAdvance && (
              <button type="button" className={buttonClass} onClick={() => void act(`/proposals/${page.id}/advance`)}>
                {page.status === 'draft' ? t('decisions.start') : t('decisions.nextStep')}
              </button>
            )}
            <button type="button" className={secondaryButtonClass} onClick={() => void act(`/proposals/${page.id}/withdraw`)}>{t('decisions.withdraw')}</button>
          </div>
        )}
      </section>

      {page.steps.filter((s) => s.status !== 'pending').map((s) => (
        <section key={s.id} aria-labelledby={`step-${s.id}`} className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
          <h2 id={`step-${s.id}`} className="text-lg font-semibold">{s.title} <span className="text-sm font-normal text-stone-600">· {t(`decisions.stepStatus.${s.status}`)}{s.startsOn ? ` · ${formatDate(s.startsOn)}` : ''}</span></h2>
          {s.kind === 'consultation'
            ? <Consultation step={s} canRecord={isMember && s.status === 'open'} onChange={load} />
            : s.vote && <VotePanel vote={s.vote} isCoordinator={isCoordinator && active} onChange={load} />}
        </section>
      ))}

      {isCoordinator && page.status === 'in_process' && allDone && <DecideForm onDecide={(statement) => act(`/proposals/${page.id}/decide`, { statement })} />}
      {page.outcomeStatement && (
        <section aria-labelledby="statement-title" className="rounded border border-emerald-300 bg-white p-3">
          <h2 id="statement-title" className="font-semibold">{t('decisions.outcomeStatement')}</h2>
          <p className="whitespace-pre-wrap">{page.outcomeStatement}</p>
        </section>
      )}

      <section aria-labelledby="text-title" className="rounded border border-stone-200 bg-white p-3">
        <h2 id="text-title" className="mb-1 text-lg font-semibold">{t('decisions.text')}</h2>
        <p className="whitespace-pre-wrap">{page.body}</p>
        {page.attachments.length > 0 && <ul className="mt-2 list-disc pl-5">{page.attachments.map((a) => <li key={a.url}><a className="underline" href={a.url} rel="noreferrer noopener" target="_blank">{a.name}</a></li>)}</ul>}
        <details className="mt-2"><summary className="cursor-pointer text-sm">{t('decisions.versions', { count: page.versions.length })}</summary>
          <ol className="text-sm">{page.versions.map((v) => <li key={v.version}>{t('decisions.versionN', { version: v.version })} · {formatDate(v.createdAt)} · {v.author ?? ''}{v.changeNote ? `: ${v.changeNote}` : ''}</li>)}</ol>
        </details>
        {isMember && active && <AmendForm title={page.title} body={page.body} onAmend={(input) => act(`/proposals/${page.id}/versions`, { ...input, attachments: page.attachments })} />}
      </section>

      <Discussion page={page} canComment={isMember} onComment={(body) => act(`/proposals/${page.id}/comments`, { body })} />
    </article>
  );
}

function StepBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const mark = status === 'done' ? '✓' : status === 'open' ? '●' : '○';
  return <span aria-label={t(`decisions.stepStatus.${status}`)} className={status === 'open' ? 'text-amber-700' : status === 'done' ? 'text-emerald-700' : 'text-stone-400'}>{mark}</span>;
}

function Consultation({ step, canRecord, onChange }: { step: StepView; canRecord: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const [participant, setParticipant] = useState('');
  const [said, setSaid] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await api.post(`/steps/${step.id}/entries`, { participant, said: said || null });
      setParticipant(''); setSaid(''); setError(null);
      onChange();
    } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-stone-600">{t(`decisions.formats.${step.format ?? 'meeting'}`)} · {t('decisions.tookPart', { count: step.entries.length })}</p>
      <ul className="flex flex-col gap-1">
        {step.entries.map((e) => <li key={e.id} className="text-sm"><span className="font-medium">{e.participant}</span>{e.organizationName ? ` (${e.organizationName})` : ''}{e.said ? `: ${e.said}` : ''}</li>)}
      </ul>
      {canRecord && (
        <form onSubmit={submit} className="grid grid-cols-1 gap-2 sm:grid-cols-3" aria-label={t('decisions.recordParticipation')}>
          <Field label={t('decisions.participant')}>{(p) => <input {...p} className={inputClass} value={participant} onChange={(e) => setParticipant(e.target.value)} />}</Field>
          <Field label={t('decisions.said')}>{(p) => <input {...p} className={inputClass} value={said} onChange={(e) => setSaid(e.target.value)} />}</Field>
          <div className="self-end"><button type="submit" className={secondaryButtonClass}>{t('decisions.record')}</button></div>
          <div className="sm:col-span-3"><ErrorBanner message={error} /></div>
        </form>
      )}
    </div>
  );
}

function DecideForm({ onDecide }: { onDecide: (statement: string) => Promise<unknown> }) {
  const { t } = useTranslation();
  const [statement, setStatement] = useState('');
  return (
    <form onSubmit={(e) => { e.preventDefault(); void onDecide(statement); }} className="flex flex-col gap-2 rounded border border-amber-300 bg-amber-50 p-3">
      <Field label={t('decisions.outcomeStatement')} hint={t('decisions.outcomeStatementHelp')}>{(p) => <textarea {...p} rows={3} className={inputClass} value={statement} onChange={(e) => setStatement(e.target.value)} />}</Field>
      <div><button type="submit" className={buttonClass}>{t('decisions.decide')}</button></div>
    </form>
  );
}

function AmendForm({ title, body, onAmend }: { title: string; body: string; onAmend: (input: { title: string; body: string; changeNote: string }) => Promise<unknown> }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ title, body, changeNote: '' });
  return (
    <details className="mt-2"><summary className="cursor-pointer text-sm font-medium">{t('decisions.amend')}</summary>
      <form onSubmit={(e) => { e.preventDefault(); void onAmend(draft); }} className="mt-2 flex flex-col gap-2">
        <Field label={t('decisions.title')}>{(p) => <input {...p} className={inputClass} value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />}</Field>
        <Field label={t('decisions.body')}>{(p) => <textarea {...p} rows={6} className={inputClass} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} />}</Field>
        <Field label={t('decisions.changeNote')}>{(p) => <input {...p} className={inputClass} value={draft.changeNote} onChange={(e) => setDraft({ ...draft, changeNote: e.target.value })} />}</Field>
        <div><button type="submit" className={secondaryButtonClass}>{t('decisions.saveVersion')}</button></div>
      </form>
    </details>
  );
}

function Discussion({ page, canComment, onComment }: { page: ProposalPageResult; canComment: boolean; onComment: (body: string) => Promise<unknown> }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  return (
    <section aria-labelledby="discussion-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
      <h2 id="discussion-title" className="text-lg font-semibold">{t('decisions.discussion')}</h2>
      <p className="text-sm"><Link className="underline" to={`/discussions/proposal/${page.id}`}>{t('discussions.openThread')}</Link></p>
      {page.comments.length === 0 && <p className="text-sm text-stone-600">{t('decisions.noComments')}</p>}
      <ul className="flex flex-col gap-2">
        {page.comments.map((c) => <li key={c.id} className="text-sm"><span className="font-medium">{c.author}</span> · {formatDateTime(c.createdAt)}{c.version !== null && ` · ${t('decisions.versionN', { version: c.version })}`}<PostBody html={c.html} /></li>)}
      </ul>
      {canComment && (
        <form onSubmit={(e) => { e.preventDefault(); void onComment(body).then(() => setBody('')); }} className="flex flex-col gap-2">
          <Field label={t('decisions.comment')}>{(p) => <textarea {...p} rows={2} className={inputClass} value={body} onChange={(e) => setBody(e.target.value)} />}</Field>
          <div><button type="submit" className={secondaryButtonClass}>{t('decisions.postComment')}</button></div>
        </form>
      )}
    </section>
  );
}
