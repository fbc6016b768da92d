import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner, Field, inputClass, Tag } from '../../components/Field.tsx';
import { roleAtLeast } from '../../../spaces/roles.ts';

interface CampaignList { organization: { id: string; name: string }; role: string | null; campaigns: { id: string; name: string; status: string }[] }

/** An alliance's campaigns. */
export function CampaignsPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [list, setList] = useState<CampaignList | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { api.get<CampaignList>(`/organizations/${id}/campaigns`).then(setList, (err: unknown) => setError(errorText(t, err))); }, [id]);
  if (!list) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  const canEdit = roleAtLeast(list.role, 'member');
  async function submit(event: FormEvent) {
    event.preventDefault();
    try { void navigate(`/campaigns/${(await api.post<{ id: string }>(`/organizations/${id}/campaigns`, { name })).id}`); } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <article className="flex flex-col gap-4">
      <p className="text-sm"><Link className="underline" to={`/alliances/${id}`}>{list.organization.name}</Link></p>
      <h1 className="text-2xl font-bold">{t('campaigns.title')}</h1>
      {list.campaigns.length === 0 && <p className="text-stone-600">{t('campaigns.none')}</p>}
      <ul className="flex flex-col gap-2">{list.campaigns.map((c) => (
        <li key={c.id} className="flex items-center gap-2 rounded border border-stone-200 bg-white p-3"><Link className="font-medium text-amber-900 underline" to={`/campaigns/${c.id}`}>{c.name}</Link><Tag>{t(`campaigns.statuses.${c.status}`)}</Tag></li>
      ))}</ul>
      {canEdit && (
        <form onSubmit={submit} className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3" aria-labelledby="new-campaign">
          <h2 id="new-campaign" className="font-semibold">{t('campaigns.new')}</h2>
          <Field label={t('campaigns.name')}>{(p) => <input {...p} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
          <ErrorBanner message={error} />
          <div><button type="submit" className={buttonClass}>{t('campaigns.create')}</button></div>
        </form>
      )}
    </article>
  );
}
