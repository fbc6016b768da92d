import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { roleAtLeast } from '../../../spaces/roles.ts';
import { api, errorText } from '../../api.ts';
import { ErrorBanner } from '../../components/Field.tsx';
import { useSession } from '../../session.tsx';
import { AttendanceSection, type Convening } from './AttendanceSection.tsx';
import { CohortsSection } from './CohortsSection.tsx';

/** Leadership development in an organization: who came to which convening, and its leadership cohorts. */
export function LeadershipPage() {
  const { id: spaceId = '' } = useParams();
  const { t } = useTranslation();
  const { me } = useSession();
  const space = me?.spaces.find((s) => s.id === spaceId);
  const canWrite = roleAtLeast(space?.role, 'member');
  const [convenings, setConvenings] = useState<Convening[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.get<{ items: Convening[] }>(`/spaces/${spaceId}/attendable-convenings`).then((r) => setConvenings(r.items), (err: unknown) => setError(errorText(t, err)));
  }, [spaceId]);
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('leadership.title')}</h1>
      <p className="text-sm text-stone-700">{t('leadership.help')}</p>
      <nav className="flex flex-wrap gap-3 text-sm" aria-label={t('leadership.title')}>
        <Link className="underline" to={`/spaces/${spaceId}/contacts`}>{t('contacts.back')}</Link>
        <Link className="underline" to={`/spaces/${spaceId}/ladder`}>{t('ladder.title')}</Link>
      </nav>
      <ErrorBanner message={error} />
      <AttendanceSection spaceId={spaceId} convenings={convenings} canWrite={canWrite} />
      <CohortsSection spaceId={spaceId} trainings={convenings.filter((c) => c.kind === 'training')} canWrite={canWrite} />
    </section>
  );
}
