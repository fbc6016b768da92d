import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import es from './locales/es.json';
import { smartieReasonCatalog } from '../plans/smartie-reasons.ts';
import { withManyForms } from './plural-forms.ts';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

// Before sign-in we follow the browser (and the last choice on this device); after, the account's.
const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('crossroads.lang') : null;
const browser = typeof navigator !== 'undefined' && navigator.language.startsWith('es') ? 'es' : 'en';

void i18next.use(initReactI18next).init({
  // The SMARTIE reasons are worded beside their checker (plans/smartie-reasons.ts), in both languages.
  resources: { en: { translation: { ...en, smartie: smartieReasonCatalog().en } }, es: { translation: withManyForms({ ...es, smartie: smartieReasonCatalog().es }) } },
  lng: stored === 'es' || stored === 'en' ? stored : browser,
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(lang: Language) {
  localStorage.setItem('crossroads.lang', lang);
  document.documentElement.lang = lang;
  return i18next.changeLanguage(lang);
}

document.documentElement.lang = i18next.language;
export default i18next;
