import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner, Field, inputClass, secondaryButtonClass, Tag } from '../../components/Field.tsx';
import { formatDateTime } from '../../dates.ts';
import { termLabel, useSession, type Vocabularies } from '../../session.tsx';

interface Item {
  id: string; title: string; description: string; language: string; tags: string[]; issues: string[]; constituencies: string[]; updatedAt: string;
  latest: { version: number; fileName: string; contentType: string; size: number; uploadedAt: string } | null;
}
interface Versions { canEdit: boolean; canRemove: boolean; maxBytes: number; versions: { version: number; fileName: string; size: number; sha256: string; uploadedAt: string; uploadedBy: string | null }[] }
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Sends a file as it is (the API reads its kind from its bytes). */
async function upload(itemId: string, file: File) {
  const res = await fetch(`/api/library/${itemId}/file?name=${encodeURIComponent(file.name)}`, { method: 'PUT', body: file, credentials: 'same-origin', headers: { 'content-type': 'application/octet-stream' } });
  if (!res.ok) {
    const body = await res.json().catch(() => ({})) as { title?: string; detail?: string; errors?: { field: string; message: string }[] };
    throw new ApiError(res.status, body.title ?? '', body.detail, body.errors ?? []);
  }
}

/** A vocabulary term's label in the reader's language (session.tsx's termLabel). */
function useTermLabel() {
  const { i18n } = useTranslation();
  const { vocab } = useSession();
  return (kind: keyof Vocabularies, key: string) => termLabel(vocab, kind, key, i18n.language);
}

function Resource({ item, onChange }: { item: Item; onChange: () => void }) {
  const { t } = useTranslation();
  const label = useTermLabel();
  const [open, setOpen] = useState(false);
  const [detail, setDetail] = useState<Versions | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => api.get<Versions>(`/library/${item.id}`).then(setDetail, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { if (open) void load(); }, [open]);
  const uploadError = (err: unknown) => setError(err instanceof ApiError && err.status === 413 ? t('library.tooLarge') : err instanceof ApiError && err.status === 415 ? t('library.unsupported') : errorText(t, err));
  return (
    <li className="rounded border border-stone-200 bg-white p-3">
      <button type="button" className="text-left font-semibold underline" aria-expanded={open} onClick={() => setOpen(!open)}>{item.title}</button>
      <span className="ml-2 inline-flex flex-wrap gap-1">{item.tags.map((tag) => <Tag key={tag}>{tag}</Tag>)}
        {item.issues.map((k) => <Tag key={`i-${k}`}>{label('issue', k)}</Tag>)}{item.constituencies.map((k) => <Tag key={`c-${k}`}>{label('constituency', k)}</Tag>)}
        <Tag>{t(`library.languages.${item.language}`)}</Tag></span>
      {item.description && <p className="text-sm text-stone-700">{item.description}</p>}
      <p className="text-xs text-stone-600">{item.latest ? `${item.latest.fileName} · ${size(item.latest.size)} · ${t('library.versionN', { version: item.latest.version })}` : t('library.noFile')} · {formatDateTime(item.updatedAt)}</p>
      {open && detail && (
        <div className="mt-2 flex flex-col gap-2">
          <ul className="text-sm">{detail.versions.map((v) => (
            <li key={v.version}><a className="underline" href={`/api/library/${item.id}/files/${v.version}`}>{t('library.download', { version: v.version, name: v.fileName })}</a>
              <span className="text-xs text-stone-600"> · {size(v.size)} · {v.uploadedBy ?? '—'} · {formatDateTime(v.uploadedAt)} · <span title={v.sha256}>{t('library.hash', { hash: v.sha256.slice(0, 12) })}</span></span></li>
          ))}</ul>
          {detail.canEdit && (
            <label className="flex flex-col gap-1 text-sm">{t('library.newVersion', { max: size(detail.maxBytes) })}
              <input type="file" accept=".pdf,.docx,.xlsx,.pptx,.odt,.doc,.png,.jpg,.jpeg,.gif,.webp,.txt,.md"
                onChange={(e) => { const file = e.target.files?.[0]; if (file) void upload(item.id, file).then(() => { setError(null); void load(); onChange(); }, uploadError); }} />
            </label>
          )}
          {detail.canRemove && <div><button type="button" className={secondaryButtonClass}
            onClick={() => { if (window.confirm(t('library.confirmRemove'))) void api.delete(`/library/${item.id}`).then(onChange, (err: unknown) => setError(errorText(t, err))); }}>{t('library.remove')}</button></div>}
        </div>
      )}
      <ErrorBanner message={error} />
    </li>
  );
}

/** A space's resource library: curricula, policy papers, reports, hand-outs, searchable in English and Spanish. */
export function LibraryPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [list, setList] = useState<{ canAdd: boolean; items: Item[] } | null>(null);
  const [q, setQ] = useState('');
  const empty = { title: '', description: '', language: 'en', tags: '', issues: [] as string[], constituencies: [] as string[] };
  const [form, setForm] = useState(empty);
  const { vocab } = useSession();
  const label = useTermLabel();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = (words = q) => api.get<{ canAdd: boolean; items: Item[] }>(`/spaces/${id}/library${words ? `?q=${encodeURIComponent(words)}` : ''}`).then(setList, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(''); }, [id]);
  if (!list) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  async function add(event: FormEvent) {
    event.preventDefault();
    try {
      const created = await api.post<{ id: string }>(`/spaces/${id}/library`, { ...form, tags: form.tags.split(',').map((s) => s.trim()).filter(Boolean) });
      if (file) await upload(created.id, file);
      setForm(empty); setFile(null); setError(null); await load();
    } catch (err) { setError(err instanceof ApiError && err.status === 413 ? t('library.tooLarge') : err instanceof ApiError && err.status === 415 ? t('library.unsupported') : errorText(t, err)); await load(); }
  }
  return (
    <article className="flex flex-col gap-4">
      <p className="text-sm"><Link className="underline" to={`/spaces/${id}`}>{t('nav.space')}</Link></p>
      <h1 className="text-2xl font-bold">{t('library.title')}</h1>
      <form role="search" className="flex gap-2" onSubmit={(e) => { e.preventDefault(); void load(q.trim()); }}>
        <input aria-label={t('library.search')} className={inputClass} value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('library.searchPlaceholder')} />
        <button type="submit" className={secondaryButtonClass}>{t('library.search')}</button>
      </form>
      {list.items.length === 0 && <p className="text-stone-600">{q ? t('library.noMatch') : t('library.none')}</p>}
      <ul className="flex flex-col gap-2">{list.items.map((item) => <Resource key={item.id} item={item} onChange={() => void load()} />)}</ul>
      <ErrorBanner message={error} />
      {list.canAdd && (
        <form onSubmit={add} className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3" aria-labelledby="new-resource">
          <h2 id="new-resource" className="font-semibold">{t('library.add')}</h2>
          <Field label={t('library.itemTitle')}>{(p) => <input {...p} className={inputClass} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />}</Field>
          <Field label={t('library.description')}>{(p) => <textarea {...p} rows={2} className={inputClass} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />}</Field>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            <Field label={t('library.language')}>{(p) => (
              <select {...p} className={inputClass} value={form.language} onChange={(e) => setForm({ ...form, language: e.target.value })}>
                {['en', 'es', 'other'].map((l) => <option key={l} value={l}>{t(`library.languages.${l}`)}</option>)}
              </select>)}</Field>
            <Field label={t('library.tags')} hint={t('library.tagsHint')}>{(p) => <input {...p} className={inputClass} value={form.tags} onChange={(e) => setForm({ ...form, tags: e.target.value })} />}</Field>
          </div>
          {(['issue', 'constituency'] as const).map((kind) => {
            const field = kind === 'issue' ? 'issues' : 'constituencies';
            return (
              <fieldset key={kind} className="flex flex-col gap-1">
                <legend className="text-sm font-medium">{t(`org.${field}`)}</legend>
                <div className="flex max-h-32 flex-wrap gap-x-3 gap-y-1 overflow-y-auto rounded border border-stone-300 bg-white p-2">
                  {(vocab?.[kind] ?? []).map((term) => (
                    <label key={term.key} className="flex items-center gap-1 text-sm">
                      <input type="checkbox" checked={form[field].includes(term.key)}
                        onChange={(e) => setForm({ ...form, [field]: e.target.checked ? [...form[field], term.key] : form[field].filter((k) => k !== term.key) })} />
                      {label(kind, term.key)}
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          })}
          <Field label={t('library.file')} hint={t('library.fileHint')}>{(p) => <input {...p} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}</Field>
          <div><button type="submit" className={buttonClass}>{t('library.addButton')}</button></div>
        </form>
      )}
    </article>
  );
}
