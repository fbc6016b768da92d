import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../dates.ts';
import { ENUM_GROUP, VOCABULARY_OF } from '../field-words.ts';
import { useSession } from '../session.tsx';

// A space's audit log in words: "Alex Rivera changed Make the Road's membership status from
// active to lapsed", with names instead of ids and the reader's words for fields and values.

export interface AuditRow {
  id: string; at: string; action: string; entity: string; entity_id: string | null;
  changes: Record<string, unknown> | null; user_email: string | null; user_name: string | null; subject: string | null;
}

const COUNTS = ['imported', 'updated', 'unchanged', 'rejected', 'skipped'];

function useAuditWords() {
  const { t, i18n } = useTranslation();
  const { vocab } = useSession();
  const term = (name: string, key: string) => {
    const found = vocab?.[VOCABULARY_OF[name]!]?.find((x) => x.key === key);
    return found ? (i18n.language.startsWith('es') ? found.es : found.en) : key;
  };
  const field = (name: string) => t(`audit.fields.${name}`, { defaultValue: t(`import.fields.${name}`, { defaultValue: name.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() }) });
  const value = (name: string, v: unknown): string => {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return t('audit.empty');
    if (typeof v === 'boolean') return t(v ? 'audit.yes' : 'audit.no');
    if (Array.isArray(v)) return v.map((x) => value(name, x)).join(', ');
    if (VOCABULARY_OF[name] && typeof v === 'string') return term(name, v);
    if (VOCABULARY_OF[name] && typeof v === 'object' && 'key' in (v as object)) return term(name, String((v as { key: unknown }).key));
    if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== null && x !== undefined).map(([k, x]) => `${field(k)}: ${value(k, x)}`).join('; ') || t('audit.empty');
    const group = ENUM_GROUP[name];
    return group ? t(`enum.${group}.${String(v)}`, { defaultValue: String(v) }) : String(v);
  };
  return { t, field, value };
}

/** One entry as a sentence. */
export function useAuditSentence() {
  const { t, field, value } = useAuditWords();
  return (a: AuditRow) => {
    const who = a.user_name ?? a.user_email ?? t('audit.someone');
    const what = t(`audit.entities.${a.entity}`, { defaultValue: a.entity.replace(/_/g, ' ') });
    const subject = a.subject ? t('audit.named', { what, name: a.subject }) : what;
    const changes = a.changes && typeof a.changes === 'object' ? Object.entries(a.changes) : [];
    if (a.action === 'update' && changes.length) {
      const list = changes.map(([name, change]) => (Array.isArray(change) && change.length === 2
        ? t('audit.change', { field: field(name), before: value(name, change[0]), after: value(name, change[1]) })
        : t('audit.changeNamed', { field: field(name) }))).join('; ');
      return t('audit.sentence.update', { who, subject, changes: list });
    }
    if (a.action === 'import' || a.action === 'export') {
      const counts = [...changes].sort(([a1], [b1]) => COUNTS.indexOf(a1) - COUNTS.indexOf(b1))
        .filter(([, n]) => typeof n === 'number' && n > 0).map(([k, n]) => `${t(`import.outcome.${k}`, { defaultValue: k })}: ${n as number}`).join(', ');
      return t(`audit.sentence.${a.action}`, { who, subject: what, counts: counts || '—' });
    }
    return t(`audit.sentence.${a.action}`, { who, subject, defaultValue: `${who} · ${t(`audit.action.${a.action}`, { defaultValue: a.action })} · ${subject}` });
  };
}

export function AuditLog({ rows }: { rows: AuditRow[] }) {
  const { t } = useTranslation();
  const sentence = useAuditSentence();
  return (
    <ol className="flex flex-col gap-2 text-sm">
      {rows.map((a) => (
        <li key={a.id} className="border-t border-stone-100 pt-2">
          <time dateTime={a.at} className="block text-xs text-stone-600">{formatDateTime(a.at)}</time>
          <span className="break-words">{sentence(a)}</span>
        </li>
      ))}
      {rows.length === 0 && <li>{t('audit.none')}</li>}
    </ol>
  );
}
