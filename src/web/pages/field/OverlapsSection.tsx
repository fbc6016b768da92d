import { useTranslation } from 'react-i18next';

export interface Overlaps {
  alliances: { id: string; name: string }[]; matrix: { count: number; members: { id: string; name: string }[] }[][];
  intersections: { alliances: string[]; members: { id: string; name: string }[] }[]; inSeveral: { id: string; name: string; alliances: string[] }[];
}

/**
 * Organizations in more than one of the alliances compared: the pair matrix, and an UpSet plot —
 * one row per exact combination of alliances (dots say which), with a bar for how many members
 * it has and their names.
 */
export function OverlapsSection({ overlaps }: { overlaps: Overlaps }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...overlaps.intersections.map((x) => x.members.length));
  return (
    <section aria-labelledby="overlaps-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
      <h2 id="overlaps-title" className="text-lg font-semibold">{t('field.overlaps')}</h2>
      <div className="overflow-x-auto"><table className="text-sm"><caption className="sr-only">{t('field.matrix')}</caption>
        <thead><tr><th />{overlaps.alliances.map((a) => <th key={a.id} className="px-2">{a.name}</th>)}</tr></thead>
        <tbody>{overlaps.alliances.map((a, i) => <tr key={a.id}><th className="pr-2 text-left">{a.name}</th>
          {overlaps.matrix[i]!.map((cell, j) => <td key={j} className={`px-2 text-center ${i === j ? 'text-stone-400' : ''}`} title={cell.members.map((m) => m.name).join(', ')}>{cell.count}</td>)}</tr>)}</tbody>
      </table></div>
      <p className="font-medium">{t('field.intersections')}</p>
      <div className="overflow-x-auto">
        <table className="text-sm" aria-label={t('field.intersections')}>
          <thead><tr>
            {overlaps.alliances.map((a) => <th key={a.id} className="px-1 align-bottom text-xs font-normal"><span className="block max-w-[6rem] truncate" title={a.name}>{a.name}</span></th>)}
            <th className="px-2 text-left">{t('field.membersCount')}</th><th className="px-2 text-left">{t('field.organizations')}</th>
          </tr></thead>
          <tbody>
            {overlaps.intersections.map((x) => (
              <tr key={x.alliances.join('|')} className="border-t border-stone-100" aria-label={x.alliances.map((id) => overlaps.alliances.find((a) => a.id === id)?.name ?? id).join(' ∩ ')}>
                {overlaps.alliances.map((a) => (
                  <td key={a.id} className="px-1 text-center" aria-hidden="true">{x.alliances.includes(a.id) ? <span className="text-amber-800">●</span> : <span className="text-stone-300">○</span>}</td>
                ))}
                <td className="flex items-center gap-2 px-2">
                  <span className="inline-block h-3 bg-amber-700" style={{ width: `${Math.max(4, (x.members.length / max) * 160)}px` }} aria-hidden="true" />{x.members.length}
                </td>
                <td className="px-2">{x.alliances.length > 1 ? x.members.map((m) => m.name).join(', ') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
