import { useTranslation } from 'react-i18next';
import { Field, inputClass, secondaryButtonClass } from '../../components/Field.tsx';

// One step of a proposal's process as the form edits it, and how it becomes the API's step.

export const METHODS = ['advice', 'consent', 'consensus', 'majority', 'approval', 'score', 'irv', 'stv'] as const;
const WITH_OPTIONS = new Set(['approval', 'score', 'irv', 'stv']);

export interface StepDraft {
  kind: 'consultation' | 'vote'; title: string; format: string; startsOn: string; endsOn: string;
  method: string; options: string; seats: number; threshold: 'simple' | 'two_thirds'; abstentions: string; scoreMax: number;
  electorateKind: string; committeeId: string; weighted: boolean; equalSharePercent: number; inputKey: string; inputValues: Record<string, string>;
  quorumPercent: string; secret: boolean; closesAt: string; earlyClose: string;
}

export const newStep = (kind: 'consultation' | 'vote'): StepDraft => ({
  kind, title: '', format: 'meeting', startsOn: '', endsOn: '', method: 'majority', options: '', seats: 1, threshold: 'simple', abstentions: 'excluded',
  scoreMax: 5, electorateKind: 'organizations', committeeId: '', weighted: false, equalSharePercent: 50, inputKey: 'organizers', inputValues: {},
  quorumPercent: '', secret: false, closesAt: '', earlyClose: 'when_all_voted',
});

function ruleOf(s: StepDraft) {
  if (s.method === 'majority') {
    return s.threshold === 'simple'
      ? { threshold: { numerator: 1, denominator: 2 }, comparison: 'more_than', abstentions: s.abstentions }
      : { threshold: { numerator: 2, denominator: 3 }, comparison: 'at_least', abstentions: s.abstentions };
  }
  if (s.method === 'approval') return { winners: s.seats };
  if (s.method === 'score') return { min: 0, max: s.scoreMax, missingAs: 'min' };
  return {};
}

/** The API's step: dates as given, a vote's options one per line, percentages as fractions. */
export function stepPayload(s: StepDraft) {
  const base = { kind: s.kind, title: s.title, startsOn: s.startsOn || null, endsOn: s.endsOn || null };
  if (s.kind === 'consultation') return { ...base, format: s.format };
  const options = WITH_OPTIONS.has(s.method)
    ? s.options.split('\n').map((l) => l.trim()).filter(Boolean).map((label, i) => ({ id: `o${i + 1}`, label })) : [];
  const values = Object.fromEntries(Object.entries(s.inputValues).filter(([, v]) => v !== '').map(([id, v]) => [id, { [s.inputKey]: Number(v) }]));
  return {
    ...base,
    vote: {
      method: s.method, rule: ruleOf(s), options, seats: s.method === 'stv' || s.method === 'approval' ? s.seats : 1,
      electorate: { kind: s.electorateKind, committeeId: s.electorateKind === 'committee' ? s.committeeId || null : null },
      weighting: s.weighted ? { equalShare: s.equalSharePercent / 100, inputs: [{ key: s.inputKey, share: 1 - s.equalSharePercent / 100 }], values } : null,
      quorum: s.quorumPercent ? { numerator: Number(s.quorumPercent), denominator: 100 } : null,
      secret: s.secret, closesAt: s.closesAt ? new Date(s.closesAt).toISOString() : null, earlyClose: s.earlyClose,
    },
  };
}

export function StepEditor({ step, index, onChange, onRemove, members, committees, errorFor }: {
  step: StepDraft; index: number; onChange: (s: StepDraft) => void; onRemove: () => void;
  members: { memberId: string; name: string }[]; committees: { id: string; name: string }[]; errorFor: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<StepDraft>) => onChange({ ...step, ...patch });
  const at = (field: string) => errorFor(`steps[${index}].${field}`);
  return (
    <fieldset className="flex flex-col gap-2 rounded border border-stone-300 p-3">
      <legend className="px-1 font-semibold">{t('decisions.stepN', { n: index + 1 })}: {t(`decisions.stepKind.${step.kind}`)}</legend>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-4">
        <Field label={t('decisions.stepTitle')} error={at('title')}>{(p) => <input {...p} className={inputClass} value={step.title} onChange={(e) => set({ title: e.target.value })} />}</Field>
        {step.kind === 'consultation' && (
          <Field label={t('decisions.format')}>{(p) => (
            <select {...p} className={inputClass} value={step.format} onChange={(e) => set({ format: e.target.value })}>
              {['meeting', 'call', 'comment_period'].map((f) => <option key={f} value={f}>{t(`decisions.formats.${f}`)}</option>)}
            </select>)}</Field>
        )}
        <Field label={t('decisions.startsOn')} error={at('startsOn')}>{(p) => <input {...p} type="date" className={inputClass} value={step.startsOn} onChange={(e) => set({ startsOn: e.target.value })} />}</Field>
        <Field label={t('decisions.endsOn')} error={at('endsOn')}>{(p) => <input {...p} type="date" className={inputClass} value={step.endsOn} onChange={(e) => set({ endsOn: e.target.value })} />}</Field>
      </div>
      {step.kind === 'vote' && (
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
          <Field label={t('decisions.method')} hint={t(`decisions.methodHelp.${step.method}`)}>{(p) => (
            <select {...p} className={inputClass} value={step.method} onChange={(e) => set({ method: e.target.value })}>
              {METHODS.map((m) => <option key={m} value={m}>{t(`decisions.methods.${m}`)}</option>)}
            </select>)}</Field>
          {step.method === 'majority' && (<>
            <Field label={t('decisions.threshold')}>{(p) => (
              <select {...p} className={inputClass} value={step.threshold} onChange={(e) => set({ threshold: e.target.value as StepDraft['threshold'] })}>
                <option value="simple">{t('decisions.thresholds.simple')}</option><option value="two_thirds">{t('decisions.thresholds.two_thirds')}</option>
              </select>)}</Field>
            <Field label={t('decisions.abstentions')}>{(p) => (
              <select {...p} className={inputClass} value={step.abstentions} onChange={(e) => set({ abstentions: e.target.value })}>
                {['excluded', 'count_in_base', 'count_as_no'].map((a) => <option key={a} value={a}>{t(`decisions.abstentionModes.${a}`)}</option>)}
              </select>)}</Field>
          </>)}
          {WITH_OPTIONS.has(step.method) && (
            <Field label={t('decisions.optionsOnePerLine')} error={at('vote.options')}>{(p) => <textarea {...p} rows={3} className={inputClass} value={step.options} onChange={(e) => set({ options: e.target.value })} />}</Field>
          )}
          {(step.method === 'stv' || step.method === 'approval') && (
            <Field label={t('decisions.seats')} error={at('vote.seats')}>{(p) => <input {...p} type="number" min={1} className={inputClass} value={step.seats} onChange={(e) => set({ seats: Number(e.target.value) })} />}</Field>
          )}
          {step.method === 'score' && (
            <Field label={t('decisions.scoreMax')}>{(p) => <input {...p} type="number" min={1} max={10} className={inputClass} value={step.scoreMax} onChange={(e) => set({ scoreMax: Number(e.target.value) })} />}</Field>
          )}
          <Field label={t('decisions.electorate')}>{(p) => (
            <select {...p} className={inputClass} value={step.electorateKind} onChange={(e) => set({ electorateKind: e.target.value })}>
              {['organizations', 'committee', 'people'].map((k) => <option key={k} value={k}>{t(`decisions.electorates.${k}`)}</option>)}
            </select>)}</Field>
          {step.electorateKind === 'committee' && (
            <Field label={t('decisions.committee')} error={at('vote.electorate.committeeId')}>{(p) => (
              <select {...p} className={inputClass} value={step.committeeId} onChange={(e) => set({ committeeId: e.target.value })}>
                <option value="">{t('decisions.chooseCommittee')}</option>
                {committees.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </select>)}</Field>
          )}
          <Field label={t('decisions.quorumPercent')} hint={t('decisions.quorumHelp')}>{(p) => <input {...p} type="number" min={1} max={100} className={inputClass} value={step.quorumPercent} onChange={(e) => set({ quorumPercent: e.target.value })} />}</Field>
          <Field label={t('decisions.closesAt')}>{(p) => <input {...p} type="datetime-local" className={inputClass} value={step.closesAt} onChange={(e) => set({ closesAt: e.target.value })} />}</Field>
          <Field label={t('decisions.earlyClose')}>{(p) => (
            <select {...p} className={inputClass} value={step.earlyClose} onChange={(e) => set({ earlyClose: e.target.value })}>
              {['never', 'when_all_voted', 'by_coordinator'].map((r) => <option key={r} value={r}>{t(`decisions.earlyCloseRules.${r}`)}</option>)}
            </select>)}</Field>
          <label className="flex items-center gap-2"><input type="checkbox" checked={step.secret} onChange={(e) => set({ secret: e.target.checked })} />{t('decisions.secret')}</label>
          {step.electorateKind !== 'people' && (
            <label className="flex items-center gap-2"><input type="checkbox" checked={step.weighted} onChange={(e) => set({ weighted: e.target.checked })} />{t('decisions.weighted')}</label>
          )}
        </div>
      )}
      {step.kind === 'vote' && step.weighted && (
        <div className="flex flex-col gap-2 rounded bg-stone-50 p-2">
          <p className="text-sm">{t('decisions.weightingHelp')}</p>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
            <Field label={t('decisions.equalSharePercent')} error={at('vote.weighting.equalShare')}>{(p) => <input {...p} type="number" min={0} max={100} className={inputClass} value={step.equalSharePercent} onChange={(e) => set({ equalSharePercent: Number(e.target.value) })} />}</Field>
            <Field label={t('decisions.inputKey')} hint={t('decisions.inputKeyHelp')}>{(p) => <input {...p} className={inputClass} value={step.inputKey} onChange={(e) => set({ inputKey: e.target.value })} />}</Field>
          </div>
          <table className="text-sm">
            <thead><tr><th className="text-left">{t('membership.member')}</th><th className="text-left">{step.inputKey}</th></tr></thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.memberId}><td>{m.name}</td><td>
                  <input aria-label={t('decisions.inputOf', { key: step.inputKey, name: m.name })} type="number" min={0} className={`${inputClass} max-w-32`}
                    value={step.inputValues[m.memberId] ?? ''} onChange={(e) => set({ inputValues: { ...step.inputValues, [m.memberId]: e.target.value } })} />
                </td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div><button type="button" className={secondaryButtonClass} onClick={onRemove}>{t('decisions.removeStep')}</button></div>
    </fieldset>
  );
}
