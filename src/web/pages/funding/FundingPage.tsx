import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { roleAtLeast } from '../../../spaces/roles.ts';
import { useSession } from '../../session.tsx';
import { DiversificationSection } from './DiversificationSection.tsx';
import { DuesOwedSection, DuesSection } from './DuesSection.tsx';
import { GrantImportSection } from './GrantImportSection.tsx';
import { GrantsSection } from './GrantsSection.tsx';
import { MoneyMapSection } from './MoneyMapSection.tsx';

/** A space's money: the map of the money, its grants (360Giving in and out), and for an organization where its money comes from. */
export function FundingPage() {
  const { id: spaceId = '' } = useParams();
  const { t } = useTranslation();
  const { me } = useSession();
  const space = me?.spaces.find((s) => s.id === spaceId);
  const canWrite = roleAtLeast(space?.role, 'member');
  const [version, setVersion] = useState(0);
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('funding.title')}{space ? `: ${space.name}` : ''}</h1>
      <p className="text-sm text-stone-700">{t('funding.privacy')}</p>
      <p className="flex flex-wrap gap-3 text-sm">
        <Link className="underline" to={`/spaces/${spaceId}`}>{t('nav.space')}</Link>
        {space?.kind === 'organization' && canWrite && <Link className="underline" to={`/spaces/${spaceId}/donations`}>{t('donations.title')}</Link>}
        {space?.kind === 'alliance' && space.organizationId && <Link className="underline" to={`/alliances/${space.organizationId}/metrics`}>{t('metrics.title')}</Link>}
      </p>
      <MoneyMapSection spaceId={spaceId} />
      {canWrite && <DiversificationSection spaceId={spaceId} canWrite={canWrite} />}
      {space?.kind === 'alliance' && canWrite && <DuesSection spaceId={spaceId} canBill={roleAtLeast(space.role, 'admin')} />}
      {space?.kind === 'organization' && canWrite && <DuesOwedSection spaceId={spaceId} />}
      {canWrite && <GrantImportSection spaceId={spaceId} onImported={() => setVersion(version + 1)} />}
      <GrantsSection spaceId={spaceId} canWrite={canWrite} version={version} />
    </section>
  );
}
