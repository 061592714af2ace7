/**
 * The five UI languages and their strings. English is the reference (its keys are the contract);
 * each other language mirrors it in `<lng>.ts` and `<lng>/*.ts`. The client loads a non-English
 * locale on first use; the server's exporters read them all.
 */
import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import { it } from './it';
import { sl } from './sl';
import type { Language } from '../languages';
import type { Locale } from './types';

export { LANGUAGES, isLanguage, type Language } from '../languages';

export const LOCALES: Record<Language, Locale> = { en, de, fr, it, sl };
