import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { FOUNDATIONAL_BLOCKS, STAGE_QUESTIONS } from '../../../charters/charter.schema.ts';
import { ALLIANCE_STAGES } from '../../../orgs/organization.vocab.ts';
import { api, ApiError, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner, Field, inputClass, secondaryButtonClass, Tag } from '../../components/Field.tsx';
import { roleAtLeast } from '../../../spaces/roles.ts';
import { formatDate } from '../../dates.ts';

interface CharterVersion { id: string; version: number; blocks: Record<string, string>; values: string | null; vision: string | null; decisionRules: string | null;
  proposalId: string | null; ratifiedAt: string | null; createdAt: string; author: string | null }
interface CharterView {
  alliance: { id: string; name: string }; role: string | null; versions: CharterVersion[]; ratified: CharterVersion | null; stage: string | null;
  stageMoves: { id: string; fromStage: string | null; toStage: string; answers: Record<string, string>; movedAt: string; movedBy: string | null }[];
}

/** The alliance's charter (the five foundational blocks), its versions, and its stage of development. */
export function CharterPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [view, setView] = useState<CharterView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => api.get<CharterView>(`/alliances/${id}/charter`).then(setView, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(); }, [id]);
  if (!view) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  const isCoordinator = roleAtLeast(view.role, 'admin');
  const canEdit = isCoordinator || view.role === 'member';
  const shown = view.ratified ?? view.versions[0] ?? null;
  return (
    <article className="flex flex-col gap-4">
      <p className="text-sm"><Link className="underline" to={`/alliances/${id}`}>{view.alliance.name}</Link></p>
      <h1 className="text-2xl font-bold">{t('charter.title')}</h1>
      <ErrorBanner message={error} />
      {shown ? (
        <section aria-labelledby="charter-current" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
          <h2 id="charter-current" className="font-semibold">{t('charter.versionN', { version: shown.version })} {shown.ratifiedAt ? <Tag>{t('charter.ratified')}</Tag> : <Tag>{t('charter.notRatified')}</Tag>}</h2>
          <dl className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            {FOUNDATIONAL_BLOCKS.map((b) => <div key={b}><dt className="font-medium">{t(`charter.blocks.${b}`)}</dt><dd className="whitespace-pre-wrap">{shown.blocks[b]}</dd></div>)}
            {(['values', 'vision', 'decisionRules'] as const).map((k) => shown[k] && <div key={k}><dt className="font-medium">{t(`charter.${k}`)}</dt><dd className="whitespace-pre-wrap">{shown[k]}</dd></div>)}
          </dl>
        </section>
      ) : <p className="text-stone-600">{t('charter.none')}</p>}
      {view.versions.length > 0 && (
        <section aria-labelledby="charter-versions"><h2 id="charter-versions" className="font-semibold">{t('charter.versions')}</h2>
          <ul className="text-sm">{view.versions.map((v) => (
            <li key={v.id} className="flex flex-wrap items-center gap-2">{t('charter.versionN', { version: v.version })} · {formatDate(v.createdAt)} · {v.author ?? ''}
              {v.ratifiedAt && <Tag>{t('charter.ratified')}</Tag>}
              {v.proposalId && <Link className="underline" to={`/proposals/${v.proposalId}`}>{t('charter.seeDecision')}</Link>}
              {isCoordinator && !v.proposalId && !v.ratifiedAt && <button type="button" className="underline" onClick={() => void api.post<{ id: string }>(`/charter-versions/${v.id}/ratification`).then((p) => navigate(`/proposals/${p.id}`), (err: unknown) => setError(errorText(t, err)))}>{t('charter.putToMembers')}</button>}
            </li>
          ))}</ul>
        </section>
      )}
      {canEdit && <NewVersion allianceId={id!} from={view.versions[0] ?? null} onSaved={load} />}
      <Stage view={view} canMove={isCoordinator} onMoved={load} />
    </article>
  );
}

function NewVersion({ allianceId, from, onSaved }: { allianceId: string; from: CharterVersion | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ blocks: { ...(from?.blocks ?? {}) } as Record<string, string>, values: from?.values ?? '', vision: from?.vision ?? '', decisionRules: from?.decisionRules ?? '' });
  const [failure, setFailure] = useState<{ fields: ApiError | null; message: string } | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    try { await api.post(`/alliances/${allianceId}/charter`, { ...draft, values: draft.values || null, vision: draft.vision || null, decisionRules: draft.decisionRules || null }); setFailure(null); onSaved(); }
    catch (err) { setFailure({ fields: err instanceof ApiError ? err : null, message: errorText(t, err) }); }
  }
  return (
    <details className="rounded border border-stone-200 bg-white p-3"><summary className="cursor-pointer font-semibold">{t('charter.newVersion')}</summary>
      <form onSubmit={submit} className="mt-2 flex flex-col gap-2">
        {FOUNDATIONAL_BLOCKS.map((b) => <Field key={b} label={t(`charter.blocks.${b}`)} hint={t(`charter.blockHelp.${b}`)} error={failure?.fields?.fieldMessage(`blocks.${b}`)}>{(p) =>
          <textarea {...p} rows={2} className={inputClass} value={draft.blocks[b] ?? ''} onChange={(e) => setDraft({ ...draft, blocks: { ...draft.blocks, [b]: e.target.value } })} />}</Field>)}
        {(['values', 'vision', 'decisionRules'] as const).map((k) => <Field key={k} label={t(`charter.${k}`)}>{(p) => <textarea {...p} rows={2} className={inputClass} value={draft[k]} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} />}</Field>)}
        <ErrorBanner message={failure?.message ?? null} />
        <div><button type="submit" className={buttonClass}>{t('charter.saveVersion')}</button></div>
      </form>
    </details>
  );
}

function Stage({ view, canMove, onMoved }: { view: CharterView; canMove: boolean; onMoved: () => void }) {
  const { t } = useTranslation();
  const [toStage, setToStage] = useState(view.stage ?? ALLIANCE_STAGES[0]);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ fields: ApiError | null; message: string } | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    try { await api.post(`/alliances/${view.alliance.id}/stage`, { toStage, answers }); setAnswers({}); setFailure(null); onMoved(); }
    catch (err) { setFailure({ fields: err instanceof ApiError ? err : null, message: errorText(t, err) }); }
  }
  return (
    <section aria-labelledby="stage-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
      <h2 id="stage-title" className="font-semibold">{t('charter.stage')}: {view.stage ? t(`enum.stage.${view.stage}`) : '—'}</h2>
      <ol className="text-sm">{view.stageMoves.map((m) => (
        <li key={m.id}><details><summary className="cursor-pointer">{formatDate(m.movedAt)}: {m.fromStage ? t(`enum.stage.${m.fromStage}`) : '—'} → {t(`enum.stage.${m.toStage}`)}{m.movedBy ? ` · ${m.movedBy}` : ''}</summary>
          <dl>{STAGE_QUESTIONS.map((q) => <div key={q}><dt className="font-medium">{t(`charter.questions.${q}`)}</dt><dd>{m.answers[q]}</dd></div>)}</dl></details></li>
      ))}</ol>
      {canMove && (
        <form onSubmit={submit} className="flex flex-col gap-2" aria-label={t('charter.moveStage')}>
          <Field label={t('charter.toStage')}>{(p) => <select {...p} className={`${inputClass} max-w-sm`} value={toStage} onChange={(e) => setToStage(e.target.value as typeof toStage)}>
            {ALLIANCE_STAGES.map((s) => <option key={s} value={s}>{t(`enum.stage.${s}`)}</option>)}</select>}</Field>
          {STAGE_QUESTIONS.map((q) => <Field key={q} label={t(`charter.questions.${q}`)} error={failure?.fields?.fieldMessage(`answers.${q}`)}>{(p) =>
            <textarea {...p} rows={2} className={inputClass} value={answers[q] ?? ''} onChange={(e) => setAnswers({ ...answers, [q]: e.target.value })} />}</Field>)}
          <ErrorBanner message={failure?.message ?? null} />
          <div><button type="submit" className={secondaryButtonClass}>{t('charter.moveStage')}</button></div>
        </form>
      )}
    </section>
  );
}
