import { useTranslation } from 'react-i18next';

export interface SmartieCheckView { letter: string; key: string; ok: boolean; reason: string; evidence?: string | null }

/** The seven SMARTIE letters, each passed or flagged with the reason in the reader's language. */
export function SmartieChecks({ checks, compact = false }: { checks: SmartieCheckView[]; compact?: boolean }) {
  const { t } = useTranslation();
  if (compact) {
    return (
      <span className="inline-flex gap-0.5" aria-label={t('plans.smartieSummary', { passed: checks.filter((c) => c.ok).length })}>
        {checks.map((c) => <span key={c.letter} title={t(`smartie.${c.reason}`)} className={`rounded px-1 text-xs font-bold ${c.ok ? 'bg-emerald-100 text-emerald-900' : 'bg-red-100 text-red-900'}`}>{c.letter}</span>)}
      </span>
    );
  }
  return (
    <ul className="flex flex-col gap-1" aria-label={t('plans.smartieChecks')}>
      {checks.map((c) => (
        <li key={c.letter} className={`flex gap-2 text-sm ${c.ok ? 'text-emerald-900' : 'text-red-800'}`}>
          <span aria-hidden="true" className="shrink-0 whitespace-nowrap font-bold">{c.ok ? '✓' : '✗'} {c.letter}</span>
          <span>{t(`smartie.${c.reason}`)}{c.evidence ? <span className="text-stone-600"> — “{c.evidence}”</span> : null}</span>
        </li>
      ))}
    </ul>
  );
}
