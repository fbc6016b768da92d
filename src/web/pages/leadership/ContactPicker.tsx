import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api.ts';
import { inputClass } from '../../components/Field.tsx';

export interface PickedContact { id: string; firstName: string; lastName: string }

export const nameOf = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`.trim();

/** A search box over the organization's contacts by name: the person picks from the matches. */
export function ContactPicker({ spaceId, label, onPick }: { spaceId: string; label: string; onPick: (c: PickedContact) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [matches, setMatches] = useState<PickedContact[]>([]);
  useEffect(() => {
    if (!q.trim()) { setMatches([]); return undefined; }
    const h = setTimeout(() => void api.get<{ items: PickedContact[] }>(`/spaces/${spaceId}/contacts${query({ q, limit: 8 })}`).then((r) => setMatches(r.items), () => setMatches([])), 200);
    return () => clearTimeout(h);
  }, [spaceId, q]);
  return (
    <div className="flex flex-col gap-1">
      <input type="search" aria-label={label} placeholder={t('leadership.searchContacts')} className={inputClass} value={q} onChange={(e) => setQ(e.target.value)} />
      {matches.length > 0 && (
        <ul className="rounded border border-stone-200 bg-white text-sm">
          {matches.map((c) => (
            <li key={c.id}><button type="button" className="w-full px-2 py-1 text-left hover:bg-stone-100 focus:bg-stone-100" onClick={() => { onPick(c); setQ(''); }}>{nameOf(c) || t('contacts.noName')}</button></li>
          ))}
        </ul>
      )}
    </div>
  );
}
