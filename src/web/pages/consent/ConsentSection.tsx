import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api.ts';
import { ErrorBanner, secondaryButtonClass } from '../../components/Field.tsx';
import { formatDateTime } from '../../dates.ts';

interface Purpose { purpose: string; granted: boolean; recorded: boolean; source: string | null }
interface Partner { partnerSpaceId: string; partnerName: string; granted: boolean }
interface Consent { purposes: Purpose[]; partners: Partner[]; links: { id: string; revokedAt: string | null; expiresAt: string }[]; history: { purpose: string; partnerName: string | null; granted: boolean; source: string; changedAt: string; changedBy: string | null }[] }

/** What the organization may do with one contact, the person's own link, and every change made. */
export function ConsentSection({ contactId, canWrite }: { contactId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const [consent, setConsent] = useState<Consent | null>(null);
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => api.get<Consent>(`/contacts/${contactId}/consent`).then(setConsent, (e: unknown) => setError(errorText(t, e)));
  useEffect(() => { void load(); }, [contactId]);
  async function set(purpose: string, granted: boolean, partnerSpaceId?: string) {
    try { await api.put(`/contacts/${contactId}/consent`, { purpose, granted, partnerSpaceId }); setError(null); await load(); } catch (e) { setError(errorText(t, e)); }
  }
  async function makeLink() {
    try {
      const made = await api.post<{ token: string; expiresAt: string }>(`/contacts/${contactId}/consent-link`);
      setLink({ url: `${window.location.origin}/consent/${made.token}`, expiresAt: made.expiresAt });
    } catch (e) { setError(errorText(t, e)); }
  }
  async function withdrawLinks() {
    try { await api.delete(`/contacts/${contactId}/consent-links`); setLink(null); await load(); } catch (e) { setError(errorText(t, e)); }
  }
  const openLinks = consent?.links.filter((l) => !l.revokedAt && new Date(l.expiresAt) > new Date()).length ?? 0;
  if (!consent) return error ? <ErrorBanner message={error} /> : null;
  return (
    <section aria-label={t('consent.title')} className="flex flex-col gap-1">
      <h4 className="font-medium">{t('consent.title')}</h4>
      <ErrorBanner message={error} />
      <ul className="flex flex-col gap-1">
        {consent.purposes.map((p) => (
          <li key={p.purpose}>
            <label className="flex items-start gap-2">
              <input type="checkbox" className="mt-1" checked={p.granted} disabled={!canWrite} onChange={(e) => void set(p.purpose, e.target.checked)} />
              <span>{t(`consent.purposes.${p.purpose}`)} <span className="text-stone-600">{p.recorded ? t(`consent.source.${p.source}`) : t('consent.byDefault')}</span></span>
            </label>
          </li>
        ))}
        {consent.partners.map((p) => (
          <li key={p.partnerSpaceId}>
            <label className="flex items-start gap-2">
              <input type="checkbox" className="mt-1" checked={p.granted} disabled={!canWrite} onChange={(e) => void set('share_with_partner', e.target.checked, p.partnerSpaceId)} />
              <span>{t('consent.shareWith', { name: p.partnerName })}</span>
            </label>
          </li>
        ))}
      </ul>
      {canWrite && (
        <p className="flex flex-wrap gap-2">
          <button type="button" className={secondaryButtonClass} onClick={() => void makeLink()}>{t('consent.makeLink')}</button>
          {openLinks > 0 && <button type="button" className={secondaryButtonClass} onClick={() => void withdrawLinks()}>{t('consent.withdrawLinks', { count: openLinks })}</button>}
        </p>
      )}
      {link && (
        <p className="break-all">{t('consent.linkFor', { date: formatDateTime(link.expiresAt) })} <a className="underline" href={link.url}>{link.url}</a></p>
      )}
      {consent.history.length > 0 && (
        <details><summary>{t('consent.history')}</summary>
          <ul>{consent.history.map((h, i) => (
            <li key={i}>{formatDateTime(h.changedAt)}: {h.partnerName ? t('consent.shareWith', { name: h.partnerName }) : t(`consent.purposes.${h.purpose}`)} → {h.granted ? t('consent.yes') : t('consent.no')} ({h.changedBy ?? t(`consent.source.${h.source}`)})</li>
          ))}</ul>
        </details>
      )}
    </section>
  );
}
