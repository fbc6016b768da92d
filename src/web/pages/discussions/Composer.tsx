import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buttonClass, Field, inputClass } from '../../components/Field.tsx';

export interface Mentionable { kind: 'user' | 'org'; id: string; name: string }

/** Writing a post: Markdown, and a chooser that inserts a mention of a person or an organization. */
export function Composer({ label, submitLabel, mentionable, initial = '', withTitle = false, onSubmit }: {
  label: string; submitLabel: string; mentionable: Mentionable[]; initial?: string; withTitle?: boolean;
  onSubmit: (input: { title: string; body: string }) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState(initial);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await onSubmit({ title, body })) { setTitle(''); setBody(''); }
  }
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
    </form>
  );
}

/** A post's HTML, made safe by the server when it was written (discussions/markdown.ts). */
export function PostBody({ html }: { html: string }) {
  return <div className="prose-post break-words text-sm [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:pl-2 [&_code]:bg-stone-100 [&_ol]:list-decimal [&_ol]:pl-5 [&_p]:my-1 [&_ul]:list-disc [&_ul]:pl-5 [&_.mention]:font-semibold [&_.mention]:text-amber-800"
    // eslint-disable-next-line react/no-danger -- sanitized on the server with an allow-list
    dangerouslySetInnerHTML={{ __html: html }} />;
}
