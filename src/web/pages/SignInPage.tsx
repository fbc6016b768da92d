import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api.ts';
import { ErrorBanner, Field, buttonClass, inputClass } from '../components/Field.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useSession } from '../session.tsx';

export function SignInPage() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/login', { email, password });
      await refresh();
    } catch (err) {
      setError(err instanceof ApiError && err.status === 429 ? t('signIn.tooMany') : err instanceof ApiError && err.status === 422 ? t('signIn.checkFields') : t('signIn.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-4 px-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold text-amber-800">{t('app.name')}</h1>
        <LanguageSwitch />
      </div>
      <p className="text-stone-700">{t('app.tagline')}</p>
      <form onSubmit={submit} className="flex flex-col gap-3 rounded border border-stone-200 bg-white p-4" noValidate>
        <h2 className="text-lg font-semibold">{t('signIn.title')}</h2>
        <ErrorBanner message={error} />
        <Field label={t('signIn.email')}>{(p) => <input {...p} type="email" autoComplete="username" required className={inputClass} value={email} onChange={(e) => setEmail(e.target.value)} />}</Field>
        <Field label={t('signIn.password')}>{(p) => <input {...p} type="password" autoComplete="current-password" required className={inputClass} value={password} onChange={(e) => setPassword(e.target.value)} />}</Field>
        <button type="submit" disabled={busy} className={buttonClass}>{t('signIn.submit')}</button>
      </form>
    </main>
  );
}
