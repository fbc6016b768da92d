import { useTranslation } from 'react-i18next';
import { Field, inputClass } from '../../components/Field.tsx';

/** A fiscal year (named by the year it ends in): next year and the seven before it. */
export function FiscalYearSelect({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const { t } = useTranslation();
  return (
    <Field label={t('donations.fiscalYear')}>{(p) => (
      <select {...p} className={`${inputClass} w-auto`} value={year} onChange={(e) => onChange(Number(e.target.value))}>
        {Array.from({ length: 8 }, (_, i) => new Date().getUTCFullYear() + 1 - i).map((y) => <option key={y} value={y}>{t('donations.fy', { year: y })}</option>)}
      </select>)}</Field>
  );
}
