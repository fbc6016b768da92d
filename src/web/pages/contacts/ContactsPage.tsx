import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { roleAtLeast } from '../../../spaces/roles.ts';
import { api, errorText, query } from '../../api.ts';
import { ErrorBanner, Field, Tag, inputClass, secondaryButtonClass } from '../../components/Field.tsx';
import { useSession } from '../../session.tsx';
import { ContactRecord } from './ContactRecord.tsx';
import { OsdiTokens } from './OsdiTokens.tsx';

interface ContactItem {
  id: string; firstName: string; lastName: string; languages: string[]; city: string | null; state: string | null; zip: string | null;
  tags: string[]; hasEmail: boolean; hasPhone: boolean; doNotContact: boolean; workFor?: 'c3' | 'c4' | null;
}
interface Details { email?: string; phone?: string; street?: string; birthDate?: string; middleName?: string }

/** An organization's contacts: names and places for every role, sealed details one at a time (each opening is logged). */
export function ContactsPage() {
  const { id: spaceId } = useParams();
  const { t } = useTranslation();
  const { me } = useSession();
  const space = me?.spaces.find((s) => s.id === spaceId);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(0);
  const [contacts, setContacts] = useState<{ total: number; items: ContactItem[] } | null>(null);
  const [details, setDetails] = useState<Record<string, Details>>({});
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const PAGE = 50;
  useEffect(() => {
    const h = setTimeout(() => void api.get<{ total: number; items: ContactItem[] }>(`/spaces/${spaceId}/contacts${query({ q, limit: PAGE, offset: page * PAGE })}`)
      .then(setContacts, (err: unknown) => setError(errorText(t, err))), 200);
    return () => clearTimeout(h);
  }, [spaceId, q, page]);
  const canOpen = roleAtLeast(space?.role, 'member');
  const isAdmin = roleAtLeast(space?.role, 'admin');
  async function open(id: string) {
    try { const d = await api.get<Details>(`/contacts/${id}/details`); setDetails((all) => ({ ...all, [id]: d })); } catch (err) { setError(errorText(t, err)); }
  }

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('contacts.title', { space: space?.name ?? '' })}</h1>
      <p className="text-sm text-stone-700">{t('contacts.privacy')}</p>
      <nav className="flex flex-wrap gap-3 text-sm" aria-label={t('contacts.title', { space: '' })}>
        {canOpen && <Link className="underline" to={`/spaces/${spaceId}/contacts/import`}>{t('contacts.importLink')}</Link>}
        <Link className="underline" to={`/spaces/${spaceId}/segments`}>{t('contacts.segments')}</Link>
        <Link className="underline" to={`/spaces/${spaceId}/efforts`}>{t('efforts.short')}</Link>
        <Link className="underline" to={`/spaces/${spaceId}/ladder`}>{t('ladder.title')}</Link>
        <Link className="underline" to={`/spaces/${spaceId}/leadership`}>{t('leadership.title')}</Link>
        {canOpen && <Link className="underline" to={`/spaces/${spaceId}/donations`}>{t('donations.title')}</Link>}
        {isAdmin && <a className="underline" href={`/api/spaces/${spaceId}/contacts/export`}>{t('contacts.export')}</a>}
      </nav>
      <Field label={t('directory.search')}>{(p) => <input {...p} type="search" className={inputClass} value={q} onChange={(e) => { setQ(e.target.value); setPage(0); }} />}</Field>
      <ErrorBanner message={error} />
      {contacts && (
        <>
          <p role="status" className="text-sm text-stone-600">{t('contacts.count', { count: contacts.total })}</p>
          <ul className="flex flex-col gap-2">
            {contacts.items.map((c) => (
              <li key={c.id} className="rounded border border-stone-200 bg-white p-3">
                <div className="flex flex-wrap items-baseline gap-2">
                  <span className="font-medium">{`${c.firstName} ${c.lastName}`.trim() || t('contacts.noName')}</span>
                  <span className="text-sm text-stone-600">{[c.city, c.state, c.zip].filter(Boolean).join(', ')}</span>
                  {c.languages.map((l) => <Tag key={l}>{l}</Tag>)}
                  {c.tags.map((tag) => <Tag key={tag}>{tag}</Tag>)}
                  {c.doNotContact && <Tag>{t('contacts.doNotContact')}</Tag>}
                  {c.workFor && <Tag>{t('contacts.workFor', { mark: t(`firewall.legal.${c.workFor}`) })}</Tag>}
                </div>
                {details[c.id] ? (
                  <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                    {(['email', 'phone', 'street', 'birthDate'] as const).filter((k) => details[c.id]![k]).map((k) => (
                      <div key={k} className="contents"><dt className="text-stone-600">{t(`contacts.fields.${k}`)}</dt><dd className="break-all">{details[c.id]![k]}</dd></div>
                    ))}
                  </dl>
                ) : canOpen && (c.hasEmail || c.hasPhone) && (
                  <button type="button" className={`${secondaryButtonClass} mt-1`} onClick={() => void open(c.id)}>{t('contacts.showDetails')}</button>
                )}
                <button type="button" className="ml-2 mt-1 text-sm underline" aria-expanded={opened === c.id}
                  onClick={() => setOpened(opened === c.id ? null : c.id)}>{t('contacts.record.open')}</button>
                {opened === c.id && spaceId && <ContactRecord spaceId={spaceId} contactId={c.id} canWrite={canOpen} />}
              </li>
            ))}
          </ul>
          <div className="flex gap-2">
            <button type="button" className={secondaryButtonClass} disabled={page === 0} onClick={() => setPage(page - 1)}>{t('contacts.previous')}</button>
            <button type="button" className={secondaryButtonClass} disabled={(page + 1) * PAGE >= contacts.total} onClick={() => setPage(page + 1)}>{t('contacts.next')}</button>
          </div>
        </>
      )}
      {isAdmin && spaceId && <OsdiTokens spaceId={spaceId} />}
    </section>
  );
}
