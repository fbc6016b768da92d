import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n.ts';
import { useSession } from '../session.tsx';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { changeLanguage } = useSession();
  return (
    <div role="group" aria-label={t('nav.language')} className="flex overflow-hidden rounded border border-stone-300">
      {LANGUAGES.map((lang) => (
        <button key={lang} type="button" lang={lang} aria-pressed={i18n.language === lang}
          onClick={() => void changeLanguage(lang)}
          className={`px-2 py-1 ${i18n.language === lang ? 'bg-amber-700 text-white' : 'bg-white hover:bg-stone-100'}`}>
          {t(`language.${lang}`)}
        </button>
      ))}
    </div>
  );
}

/** The same choice on pages opened from a link, with no account to remember it. */
export function LinkLanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t('nav.language')} className="flex gap-2 self-end">
      {LANGUAGES.map((lang) => <button key={lang} type="button" lang={lang} aria-pressed={i18n.language === lang} className={`rounded border px-2 py-1 ${i18n.language === lang ? 'bg-amber-700 text-white' : 'bg-white'}`} onClick={() => void i18n.changeLanguage(lang)}>{t(`language.${lang}`)}</button>)}
    </div>
  );
}
