/**
 * i18next setup. English ships today; de, fr, it and sl are planned: add `locales/<lng>.ts` with the
 * same keys as `en.ts` and list it in `resources`. Until then every language falls back to English.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';

export const SUPPORTED_LANGUAGES = ['en', 'de', 'fr', 'it', 'sl'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

const resources = {
  en: { translation: en },
};

function preferredLanguage(): SupportedLanguage {
  const candidates = typeof navigator === 'undefined' ? [] : navigator.languages;
  for (const tag of candidates) {
    const base = tag.toLowerCase().split('-')[0];
    const match = SUPPORTED_LANGUAGES.find((lng) => lng === base);
    if (match && match in resources) return match;
  }
  return 'en';
}

void i18next.use(initReactI18next).init({
  resources,
  lng: preferredLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...SUPPORTED_LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});
document.documentElement.lang = i18next.language;

export default i18next;
