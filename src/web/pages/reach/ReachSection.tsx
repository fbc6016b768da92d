import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api.ts';
import { ErrorBanner } from '../../components/Field.tsx';
import { formatDateTime } from '../../dates.ts';

interface Shown { estimate: number | null; fewerThan: number | null; low: number | null; high: number | null }
interface Reach {
  relativeStandardError: number; smallCount: number; sumOfMembers: Shown | null;
  members: { organizationId: string; name: string; contributedAt: string | null; outdated: boolean }[];
  categories: ({ category: string } & Shown)[];
}

/** An alliance's unduplicated reach: its members' people counted once, estimated from the sketches they chose to contribute. */
export function ReachSection({ spaceId, steps }: { spaceId: string; steps: { key: string; label: string }[] }) {
  const { t, i18n } = useTranslation();
  const [reach, setReach] = useState<Reach | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { void api.get<Reach>(`/spaces/${spaceId}/reach`).then(setReach, (e: unknown) => setError(errorText(t, e))); }, [spaceId, t]);
  if (!reach) return <ErrorBanner message={error} />;
  const n = (v: number) => v.toLocaleString(i18n.language);
  const value = (s: Shown) => (s.estimate === null ? t('reach.fewerThan', { count: s.fewerThan ?? reach.smallCount }) : t('reach.about', { estimate: n(s.estimate), low: n(s.low!), high: n(s.high!) }));
  const stepLabel = (key: string) => steps.find((s) => s.key === key)?.label ?? key;
  const name = (category: string) => (category === 'reached' ? t('reach.reached') : category === 'contacted' ? t('reach.contacted') : t('reach.onStep', { step: stepLabel(category.slice(5)) }));
  // Reached, contacted, then the steps in the ladder's order.
  const order = ['reached', 'contacted', ...steps.map((s) => `step:${s.key}`)];
  // A step no member's ladder names comes last.
  const rank = (category: string) => (order.includes(category) ? order.indexOf(category) : order.length);
  const categories = [...reach.categories].sort((a, b) => rank(a.category) - rank(b.category));
  const contributed = reach.members.filter((m) => m.contributedAt && !m.outdated);
  return (
    <section aria-labelledby="reach-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
      <h2 id="reach-title" className="text-lg font-semibold">{t('reach.title')}</h2>
      <p className="text-sm text-stone-600">{t('reach.help', { percent: (2 * reach.relativeStandardError * 100).toFixed(1) })}</p>
      {reach.categories.length === 0 ? <p>{t('reach.none')}</p> : (
        <table className="text-sm">
          <caption className="sr-only">{t('reach.title')}</caption>
          <tbody>
            {categories.map((c) => <tr key={c.category}><th scope="row" className="pr-4 text-left font-normal">{name(c.category)}</th><td>{value(c)}</td></tr>)}
            {reach.sumOfMembers && <tr className="border-t"><th scope="row" className="pr-4 text-left font-normal">{t('reach.sum')}</th><td>{value(reach.sumOfMembers)}</td></tr>}
          </tbody>
        </table>
      )}
      <p className="text-sm">{t('reach.contributed', { count: contributed.length, total: reach.members.length })}</p>
      <ul className="text-sm text-stone-600">
        {reach.members.map((m) => <li key={m.organizationId}>{m.name}: {m.outdated ? t('reach.outdated') : m.contributedAt ? formatDateTime(m.contributedAt) : t('reach.notYet')}</li>)}
      </ul>
    </section>
  );
}
