import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  ALLIANCE_FUNCTIONS, ALLIANCE_STAGES, ALLIANCE_STRUCTURES, BUDGET_BANDS, LEGAL_STRUCTURES, MEMBERSHIP_SPECTRA,
  ORGANIZATION_KINDS, PATHS_TO_POWER, POWER_SCALES,
} from '../../orgs/organization.vocab.ts';
import { api, ApiError, errorText } from '../api.ts';
import { ErrorBanner, Field, buttonClass, inputClass } from '../components/Field.tsx';
import { type Vocabularies, useSession } from '../session.tsx';
import type { Organization, OrganizationPageResult } from '../types.ts';

type Draft = Omit<Organization, 'id' | 'spaceId' | 'ownSpaceId' | 'createdAt' | 'updatedAt'>;

const EMPTY: Draft = {
  name: '', shortName: '', kind: 'base_building', description: '', sectors: [], issues: [], constituencies: [], capacities: [],
  location: { stateFips: null, countyFips: null, city: '', region: '' }, powerScale: null, legalStructure: null, budgetBand: null,
  foundedOn: '', website: '', email: '', phone: '', alliance: null,
};

/** Empty strings become null so optional fields validate as "not given". */
function toInput(d: Draft) {
  const blank = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());
  return {
    ...d, shortName: blank(d.shortName), description: blank(d.description), foundedOn: blank(d.foundedOn), website: blank(d.website),
    email: blank(d.email), phone: blank(d.phone),
    location: { stateFips: d.location.stateFips || null, countyFips: d.location.countyFips || null, city: blank(d.location.city), region: blank(d.location.region) },
    alliance: d.kind === 'alliance' ? { functions: [], memberPowerScales: [], ...(d.alliance ?? {}) } : null,
  };
}

export function OrganizationNewPage() {
  return <OrganizationForm />;
}

export function OrganizationEditPage() {
  const { id } = useParams();
  const [org, setOrg] = useState<Organization | null>(null);
  useEffect(() => { void api.get<OrganizationPageResult>(`/organizations/${id}`).then((p) => setOrg(p.organization)); }, [id]);
  return org ? <OrganizationForm existing={org} /> : null;
}

function OrganizationForm({ existing }: { existing?: Organization }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { me, vocab, states, refresh } = useSession();
  const [draft, setDraft] = useState<Draft>(existing ?? EMPTY);
  // The version the form started from: on a conflict, this person's edits are what differs from it.
  const [base, setBase] = useState<Draft>(existing ?? EMPTY);
  const writableSpaces = (me?.spaces ?? []).filter((s) => s.role !== 'viewer');
  const [spaceId, setSpaceId] = useState<string>(writableSpaces[0]?.id ?? 'new');
  const [counties, setCounties] = useState<{ fips: string; name: string }[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [touched, setTouched] = useState(false);
  const lang = i18n.language;

  useEffect(() => {
    if (!draft.location.stateFips) { setCounties([]); return; }
    void api.get<{ fips: string; name: string }[]>(`/areas/counties?state=${draft.location.stateFips}`).then(setCounties);
  }, [draft.location.stateFips]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setLocation = (patch: Partial<Draft['location']>) => setDraft((d) => ({ ...d, location: { ...d.location, ...patch } }));
  const setAlliance = (patch: Record<string, unknown>) => setDraft((d) => ({ ...d, alliance: { functions: [], memberPowerScales: [], ...(d.alliance ?? {}), ...patch } as Draft['alliance'] }));
  // Inline: the name is checked as soon as the field has been left; the rest by the server.
  const nameError = touched && !draft.name.trim() ? t('form.nameRequired') : error?.fieldMessage('name');
  const fieldError = (field: string) => error?.fieldMessage(field);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!draft.name.trim()) return;
    setError(null);
    try {
      const input = toInput(draft);
      const saved = existing
        ? await api.put<Organization>(`/organizations/${existing.id}`, input)
        : await api.post<Organization>('/organizations', { spaceId: spaceId === 'new' ? null : spaceId, ownSpace: spaceId === 'new', organization: input });
      if (saved.ownSpaceId && !existing) await refresh();
      navigate(saved.kind === 'alliance' ? `/alliances/${saved.id}` : `/organizations/${saved.id}`);
    } catch (err) {
      const current = err instanceof ApiError && err.status === 412 ? (err.current as OrganizationPageResult | undefined)?.organization : undefined;
      if (current) {
        // Someone saved first: start again from their version, with this person's own edits on top.
        const mine = Object.fromEntries(Object.entries(draft).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(base[k as keyof Draft])));
        setBase(current);
        setDraft({ ...current, ...mine } as Draft);
      }
      setError(err instanceof ApiError ? err : new ApiError(0, String(err), undefined, []));
    }
  }

  const checkboxes = (kind: keyof Vocabularies, field: 'issues' | 'constituencies' | 'sectors') => (
    <fieldset className="flex flex-col gap-1">
      <legend className="text-sm font-medium">{t(`org.${field}`)}</legend>
      <div className="flex max-h-48 flex-wrap gap-x-3 gap-y-1 overflow-y-auto rounded border border-stone-300 bg-white p-2">
        {(vocab?.[kind] ?? []).map((term) => (
          <label key={term.key} className="flex items-center gap-1 text-sm">
            <input type="checkbox" checked={draft[field].includes(term.key)}
              onChange={(e) => set(field, e.target.checked ? [...draft[field], term.key] : draft[field].filter((k) => k !== term.key))} />
            {lang === 'es' ? term.es : term.en}
          </label>
        ))}
      </div>
      {fieldError(field) && <p role="alert" className="text-sm text-red-700">{fieldError(field)}</p>}
    </fieldset>
  );
  const enumSelect = (label: string, value: string | null | undefined, values: readonly string[], prefix: string, onChange: (v: string | null) => void, errorField?: string) => (
    <Field label={label} error={errorField ? fieldError(errorField) : undefined}>{(p) => (
      <select {...p} className={inputClass} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{t('form.notSet')}</option>
        {values.map((v) => <option key={v} value={v}>{t(`${prefix}.${v}`)}</option>)}
      </select>
    )}</Field>
  );

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{existing ? t('form.editTitle', { name: existing.name }) : t('form.newTitle')}</h1>
      {error && <ErrorBanner message={error.errors.length ? t('form.fixErrors') : errorText(t, error)} />}
      <div className="grid grid-cols-1 gap-3 rounded border border-stone-200 bg-white p-3 sm:grid-cols-2">
        {!existing && (
          <Field label={t('form.space')} hint={t('form.spaceHint')} error={fieldError('spaceId') ?? fieldError('ownSpace')}>{(p) => (
            <select {...p} className={inputClass} value={spaceId} onChange={(e) => setSpaceId(e.target.value)}>
              {writableSpaces.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              {me?.isWorkspaceAdmin && <option value="new">{t('form.newSpace')}</option>}
            </select>
          )}</Field>
        )}
        <Field label={t('org.name')} error={nameError}>{(p) => <input {...p} required className={inputClass} value={draft.name} onBlur={() => setTouched(true)} onChange={(e) => set('name', e.target.value)} />}</Field>
        <Field label={t('org.shortName')} error={fieldError('shortName')}>{(p) => <input {...p} className={inputClass} value={draft.shortName ?? ''} onChange={(e) => set('shortName', e.target.value)} />}</Field>
        {enumSelect(t('org.kind'), draft.kind, ORGANIZATION_KINDS.filter((k) => !existing || (existing.kind === 'alliance' ? k === 'alliance' : k !== 'alliance')), 'enum.kind', (v) => set('kind', (v ?? 'base_building') as Draft['kind']), 'kind')}
        <div className="sm:col-span-2">
          <Field label={t('org.description')} error={fieldError('description')}>{(p) => <textarea {...p} rows={3} className={inputClass} value={draft.description ?? ''} onChange={(e) => set('description', e.target.value)} />}</Field>
        </div>
        <Field label={t('org.state')} error={fieldError('stateFips')}>{(p) => (
          <select {...p} className={inputClass} value={draft.location.stateFips ?? ''} onChange={(e) => setLocation({ stateFips: e.target.value || null, countyFips: null })}>
            <option value="">{t('form.notSet')}</option>
            {states.map((s) => <option key={s.fips} value={s.fips}>{s.name}</option>)}
          </select>
        )}</Field>
        <Field label={t('org.county')} error={fieldError('countyFips')}>{(p) => (
          <select {...p} className={inputClass} value={draft.location.countyFips ?? ''} disabled={!counties.length} onChange={(e) => setLocation({ countyFips: e.target.value || null })}>
            <option value="">{t('form.notSet')}</option>
            {counties.map((c) => <option key={c.fips} value={c.fips}>{c.name}</option>)}
          </select>
        )}</Field>
        <Field label={t('org.city')} error={fieldError('city')}>{(p) => <input {...p} className={inputClass} value={draft.location.city ?? ''} onChange={(e) => setLocation({ city: e.target.value })} />}</Field>
        <Field label={t('org.region')} error={fieldError('region')}>{(p) => <input {...p} className={inputClass} value={draft.location.region ?? ''} onChange={(e) => setLocation({ region: e.target.value })} />}</Field>
        {enumSelect(t('org.powerScale'), draft.powerScale, POWER_SCALES, 'enum.scale', (v) => set('powerScale', v as Draft['powerScale']))}
        {enumSelect(t('org.legalStructure'), draft.legalStructure, LEGAL_STRUCTURES, 'enum.legal', (v) => set('legalStructure', v as Draft['legalStructure']))}
        {enumSelect(t('org.budgetBand'), draft.budgetBand, BUDGET_BANDS, 'enum.budget', (v) => set('budgetBand', v as Draft['budgetBand']))}
        <Field label={t('org.foundedOn')} hint={t('form.dateHint')} error={fieldError('foundedOn')}>{(p) => <input {...p} className={inputClass} value={draft.foundedOn ?? ''} onChange={(e) => set('foundedOn', e.target.value)} />}</Field>
        <Field label={t('org.website')} error={fieldError('website')}>{(p) => <input {...p} type="url" className={inputClass} value={draft.website ?? ''} onChange={(e) => set('website', e.target.value)} />}</Field>
        <Field label={t('org.email')} error={fieldError('email')}>{(p) => <input {...p} type="email" className={inputClass} value={draft.email ?? ''} onChange={(e) => set('email', e.target.value)} />}</Field>
        <Field label={t('org.phone')} error={fieldError('phone')}>{(p) => <input {...p} type="tel" className={inputClass} value={draft.phone ?? ''} onChange={(e) => set('phone', e.target.value)} />}</Field>
      </div>
      <div className="grid grid-cols-1 gap-3 rounded border border-stone-200 bg-white p-3 md:grid-cols-2">
        {checkboxes('issue', 'issues')}
        {checkboxes('constituency', 'constituencies')}
        {checkboxes('sector', 'sectors')}
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium">{t('org.capacities')}</legend>
          <div className="flex flex-col gap-1 rounded border border-stone-300 bg-white p-2">
            {(vocab?.capacity ?? []).map((term) => {
              const current = draft.capacities.find((c) => c.key === term.key);
              return (
                <div key={term.key} className="flex items-center gap-2 text-sm">
                  <label className="flex items-center gap-1">
                    <input type="checkbox" checked={Boolean(current)} onChange={(e) => set('capacities', e.target.checked ? [...draft.capacities, { key: term.key }] : draft.capacities.filter((c) => c.key !== term.key))} />
                    {lang === 'es' ? term.es : term.en}
                  </label>
                  {current && term.key === 'base' && (
                    <label className="flex items-center gap-1">{t('org.baseSize')}
                      <input type="number" min={0} className="w-28 rounded border border-stone-300 px-1" value={current.size ?? ''}
                        onChange={(e) => set('capacities', draft.capacities.map((c) => (c.key === 'base' ? { ...c, size: e.target.value === '' ? null : Number(e.target.value) } : c)))} />
                    </label>
                  )}
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>
      {draft.kind === 'alliance' && (
        <fieldset className="grid grid-cols-1 gap-3 rounded border border-stone-200 bg-white p-3 sm:grid-cols-2">
          <legend className="px-1 font-semibold">{t('alliance.profile')}</legend>
          <CheckboxGroup legend={t('alliance.functions')} values={ALLIANCE_FUNCTIONS} prefix="enum.function"
            checked={draft.alliance?.functions ?? []} onChange={(functions) => setAlliance({ functions })} />
          <CheckboxGroup legend={t('alliance.memberPowerScales')} values={POWER_SCALES} prefix="enum.scale"
            checked={draft.alliance?.memberPowerScales ?? []} onChange={(memberPowerScales) => setAlliance({ memberPowerScales })} />
          {enumSelect(t('alliance.membershipSpectrum'), draft.alliance?.membershipSpectrum, MEMBERSHIP_SPECTRA, 'enum.spectrum', (v) => setAlliance({ membershipSpectrum: v }))}
          <Field label={t('alliance.memberReach')}>{(p) => <input {...p} className={inputClass} value={draft.alliance?.memberReach ?? ''} onChange={(e) => setAlliance({ memberReach: e.target.value || null })} />}</Field>
          {enumSelect(t('alliance.alliancePowerScale'), draft.alliance?.alliancePowerScale, POWER_SCALES, 'enum.scale', (v) => setAlliance({ alliancePowerScale: v }))}
          {enumSelect(t('alliance.structure'), draft.alliance?.structure, ALLIANCE_STRUCTURES, 'enum.structure', (v) => setAlliance({ structure: v }))}
          {enumSelect(t('alliance.stage'), draft.alliance?.stage, ALLIANCE_STAGES, 'enum.stage', (v) => setAlliance({ stage: v }))}
          {enumSelect(t('alliance.pathToPower'), draft.alliance?.pathToPower, PATHS_TO_POWER, 'enum.path', (v) => setAlliance({ pathToPower: v }))}
        </fieldset>
      )}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass}>{t('common.save')}</button>
        <button type="button" className="rounded border px-3 py-1.5" onClick={() => navigate(-1)}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

/** A set of checkboxes for a closed list, labelled from the catalogs (`prefix.value`). */
function CheckboxGroup<T extends string>({ legend, values, prefix, checked, onChange }: {
  legend: string; values: readonly T[]; prefix: string; checked: readonly T[]; onChange: (next: T[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="sm:col-span-2">
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-3">
        {values.map((v) => (
          <label key={v} className="flex items-center gap-1 text-sm">
            <input type="checkbox" checked={checked.includes(v)}
              onChange={(e) => onChange(e.target.checked ? [...checked, v] : checked.filter((x) => x !== v))} />
            {t(`${prefix}.${v}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
