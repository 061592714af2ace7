/**
 * i18next setup and the UI language. English is bundled; de, fr, it and sl are loaded on first use
 * (one chunk each), so the start page does not carry four languages. A language is switched to
 * only once its strings are in: nobody sees a half-translated screen.
 *
 * Which language: the person's own choice (remembered in this browser), else the workshop's
 * language while inside a workshop, else the browser's, else English.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '@shared/i18n/locales/en';
import type { Locale } from '@shared/i18n/locales/types';
import { isLanguage, LANGUAGES, matchLanguage, type Language } from '@shared/i18n/languages';

export { LANGUAGES, LANGUAGE_NAMES, type Language } from '@shared/i18n/languages';

const STORAGE_KEY = 'transforma.language';

const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Locale>> = {
  de: () => import('@shared/i18n/locales/de').then((m) => m.de),
  fr: () => import('@shared/i18n/locales/fr').then((m) => m.fr),
  it: () => import('@shared/i18n/locales/it').then((m) => m.it),
  sl: () => import('@shared/i18n/locales/sl').then((m) => m.sl),
};

/** The language this person picked in a switcher, if any. */
export function chosenLanguage(): Language | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null; // storage blocked: no remembered choice
  }
}

function browserLanguage(): Language | null {
  return typeof navigator === 'undefined' ? null : matchLanguage(navigator.languages ?? []);
}

let workshopLanguage: Language | null = null;

/** The language the UI should speak now, by the order above. */
export function preferredLanguage(): Language {
  return chosenLanguage() ?? workshopLanguage ?? browserLanguage() ?? 'en';
}

const loading = new Map<Language, Promise<void>>();

/** Loads a language's strings once; a failed load (offline) may be retried later. */
function loadLanguage(lng: Language): Promise<void> {
  if (lng === 'en' || i18next.hasResourceBundle(lng, 'translation')) return Promise.resolve();
  let pending = loading.get(lng);
  if (!pending) {
    pending = LOADERS[lng]().then(
      (strings) => {
        i18next.addResourceBundle(lng, 'translation', strings, true, true);
      },
      (error: unknown) => {
        loading.delete(lng);
        throw error;
      },
    );
    loading.set(lng, pending);
  }
  return pending;
}

let wanted: Language = 'en';

/** Switches to a language once its strings are in; the last call wins when several overlap. */
async function applyLanguage(lng: Language): Promise<void> {
  wanted = lng;
  try {
    await loadLanguage(lng);
  } catch {
    return; // not loaded (offline): keep the language already shown
  }
  if (wanted === lng && i18next.language !== lng) await i18next.changeLanguage(lng);
}

/** A person's choice from a switcher: remembered in this browser and applied. */
export function chooseLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
  return applyLanguage(lng);
}

/** The workshop's language (meta.language) while inside it, null outside: the default for a person who never chose. */
export function setWorkshopLanguage(lng: Language | null): void {
  workshopLanguage = lng;
  void applyLanguage(preferredLanguage());
}

/** The current UI language (one of the five). */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});
document.documentElement.lang = 'en';

/** Resolves once the first language is in (English at once; another after its chunk loaded). */
export const i18nReady: Promise<void> = applyLanguage(preferredLanguage());

export default i18next;
