import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api.ts';
import { Field, buttonClass, inputClass } from '../components/Field.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useSession } from '../session.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [digest, setDigest] = useState(me?.digest ?? false);
  const [digestSaved, setDigestSaved] = useState(false);
  const chooseDigest = (value: boolean) => api.put('/me/digest', { digest: value }).then(() => { setDigest(value); setDigestSaved(true); }, () => setDigestSaved(false));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(false);
    try {
      await api.post('/me/password', { currentPassword: current, newPassword: next });
      setCurrent(''); setNext(''); setDone(true);
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    }
  }
  return (
    <section className="flex max-w-lg flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('account.title')}</h1>
      <p>{me?.displayName} · {me?.email}</p>
      <div className="flex items-center gap-2"><span>{t('account.language')}</span><LanguageSwitch /></div>
      <fieldset className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
        <legend className="px-1 font-semibold">{t('account.updatesByEmail')}</legend>
        <label className="flex items-start gap-2"><input type="radio" name="digest" className="mt-1" checked={!digest} onChange={() => void chooseDigest(false)} />{t('account.eachUpdate')}</label>
        <label className="flex items-start gap-2"><input type="radio" name="digest" className="mt-1" checked={digest} onChange={() => void chooseDigest(true)} />{t('account.dailyDigest')}</label>
        {digestSaved && <p role="status" className="text-sm text-green-800">{t('account.digestSaved')}</p>}
      </fieldset>
      <form onSubmit={submit} noValidate className="flex flex-col gap-3 rounded border border-stone-200 bg-white p-3">
        <h2 className="font-semibold">{t('account.changePassword')}</h2>
        <Field label={t('account.currentPassword')} error={error?.fieldMessage('currentPassword')}>{(p) => <input {...p} type="password" autoComplete="current-password" className={inputClass} value={current} onChange={(e) => setCurrent(e.target.value)} />}</Field>
        <Field label={t('account.newPassword')} hint={t('account.passwordHint')} error={error?.fieldMessage('newPassword')}>{(p) => <input {...p} type="password" autoComplete="new-password" className={inputClass} value={next} onChange={(e) => setNext(e.target.value)} />}</Field>
        <button type="submit" className={buttonClass}>{t('account.changePassword')}</button>
        {done && <p role="status" className="text-green-800">{t('account.passwordChanged')}</p>}
      </form>
    </section>
  );
}
