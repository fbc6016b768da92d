import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENTS } from '../../../discussions/discussion.schema.ts';
import { api } from '../../api.ts';
import { buttonClass, Field, inputClass } from '../../components/Field.tsx';

export interface Mentionable { kind: 'user' | 'org'; id: string; name: string }
interface Resource { id: string; title: string }

/**
 * Writing a post: Markdown, a chooser that inserts a mention of a person or an organization and,
 * given the thread's space, resources of that space's library to attach.
 */
export function Composer({ label, submitLabel, mentionable, initial = '', initialAttachments = [], spaceId, withTitle = false, onSubmit }: {
  label: string; submitLabel: string; mentionable: Mentionable[]; initial?: string; initialAttachments?: string[]; spaceId?: string; withTitle?: boolean;
  onSubmit: (input: { title: string; body: string; attachments: string[] }) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState(initial);
  const [attachments, setAttachments] = useState<string[]>(initialAttachments);
  const [library, setLibrary] = useState<Resource[] | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await onSubmit({ title, body, attachments })) { setTitle(''); setBody(''); setAttachments([]); }
  }
  // The library is read when the chooser is first opened, not with every composer.
  const openLibrary = () => { if (spaceId && !library) void api.get<{ items: Resource[] }>(`/spaces/${spaceId}/library`).then((r) => setLibrary(r.items), () => setLibrary([])); };
  const toggle = (id: string) => setAttachments((a) => (a.includes(id) ? a.filter((x) => x !== id) : [...a, id]));
  const mention = (value: string) => {
    const m = mentionable.find((x) => `${x.kind}:${x.id}` === value);
    if (m) setBody(`${body}${body && !body.endsWith(' ') ? ' ' : ''}@[${m.name.replace(/[[\]]/g, '')}](${m.kind}:${m.id}) `);
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      {withTitle && <Field label={t('discussions.threadTitle')}>{(p) => <input {...p} className={inputClass} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>}
      <Field label={label} hint={t('discussions.markdownHint')}>{(p) => <textarea {...p} rows={4} className={inputClass} value={body} onChange={(e) => setBody(e.target.value)} />}</Field>
      <div className="flex flex-wrap items-end gap-2">
        {mentionable.length > 0 && (
          <label className="flex flex-col gap-1 text-sm">{t('discussions.mention')}
            <select className={inputClass} value="" onChange={(e) => mention(e.target.value)}>
              <option value="">{t('discussions.mentionChoose')}</option>
              {mentionable.map((m) => <option key={`${m.kind}:${m.id}`} value={`${m.kind}:${m.id}`}>{m.kind === 'org' ? `🏛 ${m.name}` : m.name}</option>)}
            </select>
          </label>
        )}
        <button type="submit" className={buttonClass}>{submitLabel}</button>
      </div>
      {spaceId && (
        <details className="text-sm" onToggle={(e) => { if ((e.target as HTMLDetailsElement).open) openLibrary(); }}>
          <summary className="cursor-pointer underline">{t('discussions.attach', { count: attachments.length })}</summary>
          {library === null ? <p role="status">{t('common.loading')}</p>
            : library.length === 0 ? <p className="text-stone-600">{t('discussions.libraryEmpty')}</p>
              : (
                <fieldset className="mt-1 flex max-h-48 flex-col gap-1 overflow-y-auto">
                  <legend className="sr-only">{t('discussions.attachLegend', { max: MAX_ATTACHMENTS })}</legend>
                  {library.map((r) => (
                    <label key={r.id} className="flex items-center gap-2">
                      <input type="checkbox" checked={attachments.includes(r.id)} disabled={!attachments.includes(r.id) && attachments.length >= MAX_ATTACHMENTS} onChange={() => toggle(r.id)} />
                      <span className="break-words">{r.title}</span>
                    </label>
                  ))}
                </fieldset>
              )}
        </details>
      )}
    </form>
  );
}

/** A post's HTML, made safe by the server when it was written (discussions/markdown.ts). */
export function PostBody({ html }: { html: string }) {
  return <div className="prose-post break-words text-sm [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:pl-2 [&_code]:bg-stone-100 [&_ol]:list-decimal [&_ol]:pl-5 [&_p]:my-1 [&_ul]:list-disc [&_ul]:pl-5 [&_.mention]:font-semibold [&_.mention]:text-amber-800"
    // eslint-disable-next-line react/no-danger -- sanitized on the server with an allow-list
    dangerouslySetInnerHTML={{ __html: html }} />;
}

export interface Attachment { id: string; title: string; version: number | null; fileName: string | null; size: number | null }
export interface Dropped { name: string; reason: 'too_large' | 'unsupported' | 'empty' }

/** A post's attachments (each downloads its latest version) and the files of an emailed reply that were not kept. */
export function PostAttachments({ attachments, dropped }: { attachments: Attachment[]; dropped: Dropped[] }) {
  const { t } = useTranslation();
  if (!attachments.length && !dropped.length) return null;
  return (
    <ul className="mt-1 flex flex-col gap-0.5 text-sm" aria-label={t('discussions.attachments')}>
      {attachments.map((a) => (
        <li key={a.id} className="border-l-2 border-stone-300 pl-2">{a.version
          ? <a className="underline" href={`/api/library/${a.id}/files/${a.version}`}>{a.title}</a>
          : a.title}{a.fileName && <span className="text-stone-600"> ({a.fileName})</span>}</li>
      ))}
      {dropped.map((d, i) => <li key={`dropped-${i}`} className="text-stone-600">{t('discussions.notKept', { name: d.name, reason: t(`discussions.notKeptReasons.${d.reason}`) })}</li>)}
    </ul>
  );
}
