/**
 * The person's UI language: the five languages, each named in itself, so anyone finds their own
 * whatever the UI speaks now. The choice is remembered in this browser (i18n/chooseLanguage).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  chooseLanguage,
  currentLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
} from '@client/i18n';
import '@client/styles/language-switcher.css';

interface LanguageSwitcherProps {
  /** Where it sits (the top bar, the join dialog), for tests and styles. */
  testId: string;
  className?: string;
  /** Given when a visible `<label htmlFor>` names it; without one, aria-label does. */
  id?: string;
}

export function LanguageSwitcher({ testId, className, id }: LanguageSwitcherProps) {
  const { t } = useTranslation();
  // What the person picked while its strings load; the UI switches once they are in.
  const [pending, setPending] = useState<Language | null>(null);
  return (
    <select
      id={id}
      className={`language-switcher field__select ${className ?? ''}`}
      data-testid={testId}
      aria-label={id ? undefined : t('app.language')}
      title={id ? undefined : t('app.language')}
      value={pending ?? currentLanguage()}
      onChange={(event) => {
        const lng = event.target.value as Language;
        setPending(lng);
        void chooseLanguage(lng).finally(() => setPending(null));
      }}
    >
      {LANGUAGES.map((lng) => (
        <option key={lng} value={lng} lang={lng}>
          {LANGUAGE_NAMES[lng]}
        </option>
      ))}
    </select>
  );
}
