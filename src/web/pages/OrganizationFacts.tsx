import { useTranslation } from 'react-i18next';
import { Tag } from '../components/Field.tsx';
import { termLabel, useSession } from '../session.tsx';
import type { Organization } from '../types.ts';

/** The profile of an organization as a definition list; only what is filled in. */
export function OrganizationFacts({ org }: { org: Organization }) {
  const { t, i18n } = useTranslation();
  const { vocab, states } = useSession();
  const lang = i18n.language;
  const state = states.find((s) => s.fips === org.location.stateFips);
  const place = [org.location.city, org.location.region, state?.name].filter(Boolean).join(', ');
  const tags = (kind: 'issue' | 'constituency' | 'sector', keys: string[]) => keys.map((k) => <Tag key={k}>{termLabel(vocab, kind, k, lang)}</Tag>);
  const rows: [string, React.ReactNode][] = [
    [t('org.description'), org.description],
    [t('org.place'), place],
    [t('org.powerScale'), org.powerScale && t(`enum.scale.${org.powerScale}`)],
    [t('org.issues'), org.issues.length > 0 && <span className="flex flex-wrap gap-1">{tags('issue', org.issues)}</span>],
    [t('org.constituencies'), org.constituencies.length > 0 && <span className="flex flex-wrap gap-1">{tags('constituency', org.constituencies)}</span>],
    [t('org.sectors'), org.sectors.length > 0 && <span className="flex flex-wrap gap-1">{tags('sector', org.sectors)}</span>],
    [t('org.capacities'), org.capacities.length > 0 && <span className="flex flex-wrap gap-1">{org.capacities.map((c) => <Tag key={c.key}>{termLabel(vocab, 'capacity', c.key, lang)}{c.size ? ` · ${c.size.toLocaleString(lang)}` : ''}</Tag>)}</span>],
    [t('org.legalStructure'), org.legalStructure && t(`enum.legal.${org.legalStructure}`)],
    [t('org.budgetBand'), org.budgetBand && t(`enum.budget.${org.budgetBand}`)],
    [t('org.foundedOn'), org.foundedOn],
    [t('org.website'), org.website && <a className="text-amber-900 underline" href={org.website} rel="noreferrer">{org.website}</a>],
    [t('org.email'), org.email],
    [t('org.phone'), org.phone],
  ];
  const a = org.alliance;
  if (a) {
    rows.push(
      [t('alliance.functions'), a.functions.length > 0 && a.functions.map((f) => t(`enum.function.${f}`)).join(' · ')],
      [t('alliance.membershipSpectrum'), a.membershipSpectrum && t(`enum.spectrum.${a.membershipSpectrum}`)],
      [t('alliance.memberPowerScales'), a.memberPowerScales.length > 0 && a.memberPowerScales.map((s) => t(`enum.scale.${s}`)).join(', ')],
      [t('alliance.memberReach'), a.memberReach],
      [t('alliance.alliancePowerScale'), a.alliancePowerScale && t(`enum.scale.${a.alliancePowerScale}`)],
      [t('alliance.structure'), a.structure && t(`enum.structure.${a.structure}`)],
      [t('alliance.stage'), a.stage && t(`enum.stage.${a.stage}`)],
      [t('alliance.pathToPower'), a.pathToPower && t(`enum.path.${a.pathToPower}`)],
    );
  }
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-2 rounded border border-stone-200 bg-white p-3 sm:grid-cols-[12rem_1fr]">
      {rows.filter(([, v]) => v).map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-sm font-medium text-stone-600">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
