import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { buttonClass, ErrorBanner } from '../../components/Field.tsx';
import { LinkLanguageSwitch } from '../../components/LanguageSwitch.tsx';

interface View {
  organization: { name: string };
  holds: { firstName: string; lastName: string; email: string | null; phone: string | null; street: string | null; city: string | null; zip: string | null; languages: string[]; tags: string[]; birthDate: string | null };
  contact: { doNotContact: boolean };
  purposes: { purpose: string; granted: boolean }[];
  partners: { partnerSpaceId: string; partnerName: string; granted: boolean }[];
}

/** The person's own page, opened from the link an organization gave them: no account needed. */
export function PersonConsentPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const [view, setView] = useState<View | null>(null);
  const [initial, setInitial] = useState<View | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const fail = (e: unknown) => setError(e instanceof ApiError && e.status === 410 ? t('consent.person.expired') : e instanceof ApiError && e.status === 404 ? t('consent.person.notFound') : t('errors.network'));
  useEffect(() => { void api.get<View>(`/consent/${encodeURIComponent(token)}`).then((v) => { setView(v); setInitial(v); }, fail); }, [token]);

  async function save() {
    if (!view || !initial) return;
    // Only what the person changed is recorded as their choice; the rest keeps where it came from.
    const purposes = view.purposes.filter((p) => initial.purposes.find((q) => q.purpose === p.purpose)?.granted !== p.granted);
    const partners = view.partners.filter((p) => initial.partners.find((q) => q.partnerSpaceId === p.partnerSpaceId)?.granted !== p.granted)
      .map((p) => ({ purpose: 'share_with_partner', granted: p.granted, partnerSpaceId: p.partnerSpaceId }));
    try {
      await api.put(`/consent/${encodeURIComponent(token)}`, { purposes: [...purposes, ...partners], doNotContact: view.contact.doNotContact });
      setInitial(view);
      setSaved(true);
    } catch (e) { fail(e); }
  }
  const h = view?.holds;
  const rows: [string, string | null][] = h ? [
    ['name', `${h.firstName} ${h.lastName}`.trim()], ['email', h.email], ['phone', h.phone], ['address', [h.street, h.city, h.zip].filter(Boolean).join(', ') || null],
    ['birthDate', h.birthDate], ['languages', h.languages.join(', ') || null], ['tags', h.tags.join(', ') || null],
  ] : [];
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-4 p-4">
      <LinkLanguageSwitch />
      <ErrorBanner message={error} />
      {view && (
        <>
          <h1 className="text-2xl font-bold">{t('consent.person.title', { organization: view.organization.name })}</h1>
          <p>{t('consent.person.intro')}</p>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1 rounded border border-stone-200 bg-white p-3 sm:grid-cols-[max-content_1fr]">
            {rows.map(([key, value]) => (<div key={key} className="contents"><dt className="mt-1 text-sm font-semibold text-stone-600 sm:mt-0">{t(`consent.person.holds.${key}`)}</dt><dd className="break-all">{value ?? '—'}</dd></div>))}
          </dl>
          <fieldset className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
            <legend className="font-semibold">{t('consent.person.mayDo')}</legend>
            {view.purposes.map((p, i) => (
              <label key={p.purpose} className="flex items-start gap-2">
                <input type="checkbox" className="mt-1" checked={p.granted} onChange={(e) => { const purposes = [...view.purposes]; purposes[i] = { ...p, granted: e.target.checked }; setView({ ...view, purposes }); setSaved(false); }} />
                <span>{t(`consent.person.purposes.${p.purpose}`)}</span>
              </label>
            ))}
            {view.partners.map((p, i) => (
              <label key={p.partnerSpaceId} className="flex items-start gap-2">
                <input type="checkbox" className="mt-1" checked={p.granted} onChange={(e) => { const partners = [...view.partners]; partners[i] = { ...p, granted: e.target.checked }; setView({ ...view, partners }); setSaved(false); }} />
                <span>{t('consent.person.shareWith', { name: p.partnerName })}</span>
              </label>
            ))}
            <label className="flex items-start gap-2">
              <input type="checkbox" className="mt-1" checked={view.contact.doNotContact} onChange={(e) => { setView({ ...view, contact: { doNotContact: e.target.checked } }); setSaved(false); }} />
              <span>{t('consent.person.doNotContact')}</span>
            </label>
          </fieldset>
          <p className="flex items-center gap-3"><button type="button" className={buttonClass} onClick={() => void save()}>{t('consent.person.save')}</button>{saved && <span role="status">{t('consent.person.saved')}</span>}</p>
        </>
      )}
    </main>
  );
}
