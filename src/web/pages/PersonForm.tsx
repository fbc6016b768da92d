import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AFFILIATION_ROLES } from '../../orgs/organization.vocab.ts';
import { api, ApiError, errorText } from '../api.ts';
import { ErrorBanner, Field, buttonClass, inputClass, secondaryButtonClass } from '../components/Field.tsx';
import type { Person } from '../types.ts';

export interface Contact { email?: string | null; phone?: string | null; address?: string | null }

/** Adds a person to a space, or edits one (with the contact details already shown to the editor). */
export function PersonForm({ spaceId, organizationId, existing, contact, onSaved, onCancel }: {
  spaceId: string; organizationId: string | null; existing?: Person; contact?: Contact; onSaved: () => void; onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(existing?.name ?? '');
  const [languages, setLanguages] = useState(existing ? existing.languages.join(', ') : 'es, en');
  const [email, setEmail] = useState(contact?.email ?? '');
  const [phone, setPhone] = useState(contact?.phone ?? '');
  const [address, setAddress] = useState(contact?.address ?? '');
  const [role, setRole] = useState(existing?.affiliations.find((a) => a.organizationId === organizationId)?.role ?? 'leader');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const others = (existing?.affiliations ?? []).filter((a) => a.organizationId !== organizationId).map((a) => ({ organizationId: a.organizationId, role: a.role }));
    const body = {
      name, languages: languages.split(/[,\s]+/).filter(Boolean).map((l) => l.toLowerCase()),
      contact: { email: email || null, phone: phone || null, address: address || null },
      affiliations: [...others, ...(organizationId ? [{ organizationId, role }] : [])],
    };
    try {
      if (existing) await api.put(`/people/${existing.id}`, body);
      else await api.post(`/spaces/${spaceId}/people`, body);
      if (!existing) { setName(''); setEmail(''); setPhone(''); setAddress(''); }
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err), undefined, []));
    }
  }
  const languageError = error?.errors.find((e) => e.field.startsWith('languages'))?.message;
  const titleId = existing ? `edit-${existing.id}` : 'new-person';
  return (
    <form onSubmit={submit} noValidate className="grid grid-cols-1 gap-3 rounded border border-stone-200 bg-white p-3 sm:grid-cols-2" aria-labelledby={titleId}>
      <h2 id={titleId} className="font-semibold sm:col-span-2">{existing ? t('people.edit', { name: existing.name }) : t('people.add')}</h2>
      {error && !error.errors.length && <div className="sm:col-span-2"><ErrorBanner message={errorText(t, error)} /></div>}
      <Field label={t('people.name')} error={error?.fieldMessage('name')}>{(p) => <input {...p} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
      <Field label={t('people.languages')} hint={t('people.languagesHint')} error={languageError}>{(p) => <input {...p} className={inputClass} value={languages} onChange={(e) => setLanguages(e.target.value)} />}</Field>
      <Field label={t('people.email')} error={error?.fieldMessage('email')}>{(p) => <input {...p} type="email" className={inputClass} value={email} onChange={(e) => setEmail(e.target.value)} />}</Field>
      <Field label={t('people.phone')} error={error?.fieldMessage('phone')}>{(p) => <input {...p} type="tel" className={inputClass} value={phone} onChange={(e) => setPhone(e.target.value)} />}</Field>
      <Field label={t('people.address')} error={error?.fieldMessage('address')}>{(p) => <input {...p} className={inputClass} value={address} onChange={(e) => setAddress(e.target.value)} />}</Field>
      {organizationId && (
        <Field label={t('people.affiliation')}>{(p) => (
          <select {...p} className={inputClass} value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
            {AFFILIATION_ROLES.map((r) => <option key={r} value={r}>{t(`enum.affiliation.${r}`)}</option>)}
          </select>
        )}</Field>
      )}
      <div className="flex items-center gap-2 sm:col-span-2">
        <button type="submit" className={buttonClass}>{t('common.save')}</button>
        {onCancel && <button type="button" className={secondaryButtonClass} onClick={onCancel}>{t('common.cancel')}</button>}
        {saved && <span role="status" className="text-sm text-green-800">{t('people.saved')}</span>}
      </div>
    </form>
  );
}
