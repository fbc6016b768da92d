import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Tag } from '../components/Field.tsx';
import { useSession } from '../session.tsx';

export function SpacesPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <section className="flex flex-col gap-3">
      <h1 className="text-2xl font-bold">{t('spaces.title')}</h1>
      <p className="text-stone-700">{t('spaces.help')}</p>
      <ul className="grid grid-cols-1 gap-2 md:grid-cols-2">
        {(me?.spaces ?? []).map((s) => (
          <li key={s.id} className="rounded border border-stone-200 bg-white p-3">
            <Link className="font-semibold text-amber-900 underline" to={`/spaces/${s.id}`}>{s.name}</Link>{' '}
            <Tag>{t(`spaces.kind.${s.kind}`)}</Tag> <Tag>{t(`enum.spaceRole.${s.role}`)}</Tag>
            <div className="mt-1 flex flex-wrap gap-3 text-sm">
              <Link className="underline" to={`/spaces/${s.id}/people`}>{t('nav.people')}</Link>
              {s.role !== 'viewer' && <Link className="underline" to={`/spaces/${s.id}/import`}>{t('nav.import')}</Link>}
              {s.organizationId && <Link className="underline" to={s.kind === 'alliance' ? `/alliances/${s.organizationId}` : `/organizations/${s.organizationId}`}>{t('spaces.profile')}</Link>}
            </div>
          </li>
        ))}
      </ul>
      {me?.spaces.length === 0 && <p>{t('spaces.none')}</p>}
    </section>
  );
}
