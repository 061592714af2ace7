/** Pure helpers of the facilitation UI: phase names, timer text. */
import type { TFunction } from 'i18next';
import { en } from '@shared/i18n/locales/en';
import { formatters } from '@shared/i18n/format';
import type { Language } from '@shared/i18n/languages';

type PhaseKey = keyof typeof en.facilitation.phases;

export function isPhaseKey(name: string): name is PhaseKey {
  return Object.hasOwn(en.facilitation.phases, name);
}

/** A template phase's name is an i18n key until the facilitator renames it. */
export function phaseLabel(t: TFunction, name: string): string {
  return isPhaseKey(name) ? t(`facilitation.phases.${name}`) : name;
}

/** mm:ss, or h:mm:ss from an hour on; rounds up so 0:00 means the time is really up. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** Local clock time of a server timestamp in the UI language, e.g. 14:05 / 2:05 PM. */
export function formatClock(serverMs: number, offset: number, lng: Language): string {
  return formatters(lng).time(serverMs - offset);
}
