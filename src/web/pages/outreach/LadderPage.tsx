import { ReachSection } from '../reach/ReachSection.tsx';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { roleAtLeast } from '../../../spaces/roles.ts';
import { api, errorText } from '../../api.ts';
import { ErrorBanner, buttonClass } from '../../components/Field.tsx';
import { useSession } from '../../session.tsx';

interface StepCount { key: string; label: { en: string; es: string }; count: number }
interface Movement { steps: StepCount[]; notPlaced: number; placed: number; movedUp: number; movedDown: number }
interface Members { organizations: (Movement & { organizationId: string; name: string })[] }

/** The ladder in numbers: how many stand on each step and who moved in the last 90 days; an alliance sees it per member. */
export function LadderPage() {
  const { id: spaceId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('es') ? 'es' : 'en';
  const { me } = useSession();
  const space = me?.spaces.find((s) => s.id === spaceId);
  const [mine, setMine] = useState<Movement | null>(null);
  const [members, setMembers] = useState<Members | null>(null);
  const [moved, setMoved] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    void api.get<Movement>(`/spaces/${spaceId}/ladder/movement`).then(setMine, (err: unknown) => setError(errorText(t, err)));
    if (space?.kind === 'alliance') void api.get<Members>(`/spaces/${spaceId}/ladder/members-movement`).then(setMembers, () => undefined);
  };
  useEffect(load, [spaceId, space?.kind]);
  async function recompute() {
    try { setMoved((await api.post<{ moved: number }>(`/spaces/${spaceId}/ladder/recompute`)).moved); load(); } catch (err) { setError(errorText(t, err)); }
  }
  const table = (m: Movement) => (
    <table className="text-sm"><caption className="sr-only">{t('ladder.title')}</caption>
      <tbody>{m.steps.map((s) => <tr key={s.key}><th scope="row" className="pr-4 text-left font-normal">{s.label[lang]}</th><td className="text-right">{s.count}</td></tr>)}</tbody>
    </table>
  );
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('ladder.title')}</h1>
      <p className="text-sm text-stone-700">{t('ladder.help')}</p>
      <p className="flex gap-3 text-sm"><Link className="underline" to={`/spaces/${spaceId}/efforts`}>{t('efforts.short')}</Link>
        <Link className="underline" to={`/spaces/${spaceId}/leadership`}>{t('leadership.title')}</Link></p>
      <ErrorBanner message={error} />
      {mine && (
        <div className="rounded border border-stone-200 bg-white p-3">
          {table(mine)}
          <p role="status" className="mt-2 text-sm">{t('ladder.moves', { up: mine.movedUp, down: mine.movedDown, placed: mine.placed })}</p>
        </div>
      )}
      {roleAtLeast(space?.role, 'member') && <div><button type="button" className={buttonClass} onClick={() => void recompute()}>{t('ladder.recompute')}</button></div>}
      {moved !== null && <p role="status">{t('ladder.moved', { count: moved })}</p>}
      {space?.kind === 'alliance' && <ReachSection spaceId={spaceId} steps={(members?.organizations[0] ?? mine)?.steps.map((st) => ({ key: st.key, label: st.label[lang] })) ?? []} />}
      {members && (
        <section aria-labelledby="members-title" className="flex flex-col gap-2">
          <h2 id="members-title" className="text-lg font-semibold">{t('ladder.members')}</h2>
          {members.organizations.map((o) => (
            <div key={o.organizationId} className="rounded border border-stone-200 bg-white p-3">
              <h3 className="font-medium">{o.name}</h3>
              {table(o)}
              <p className="text-sm">{t('ladder.moves', { up: o.movedUp, down: o.movedDown, placed: o.placed })}</p>
            </div>
          ))}
        </section>
      )}
    </section>
  );
}
