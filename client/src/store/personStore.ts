/**
 * The person using this browser: display name and colour, remembered for every workshop.
 * Local UI state only; others learn it through awareness.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/**
 * Saturated enough for a caret and a cursor; white initials on each reach 4.5:1 (WCAG 1.4.3).
 * Six-digit hex (Tiptap).
 */
export const PERSON_COLORS = [
  '#db1f25',
  '#be4c06',
  '#8f6b00',
  '#257f53',
  '#0e7e71',
  '#0072c9',
  '#3e63dd',
  '#8e4ec6',
  '#ca2b90',
  '#7c6f64',
] as const;

/** The palette before version 2 (too light for white text), mapped to its darker successor. */
const OLDER_COLORS: Record<string, string> = {
  '#e5484d': '#db1f25',
  '#f76b15': '#be4c06',
  '#d6a100': '#8f6b00',
  '#30a46c': '#257f53',
  '#12a594': '#0e7e71',
  '#0090ff': '#0072c9',
  '#d6409f': '#ca2b90',
};

/** A colour this browser or another person's remembered, as one of today's palette. */
export function legibleColor(color: string): string {
  return OLDER_COLORS[color.toLowerCase()] ?? color;
}

export const DISPLAY_NAME_MAX = 60;

function randomColor(): string {
  const index = globalThis.crypto.getRandomValues(new Uint32Array(1))[0]! % PERSON_COLORS.length;
  return PERSON_COLORS[index]!;
}

interface PersonState {
  displayName: string;
  color: string;
  setDisplayName: (name: string) => void;
}

export const usePersonStore = create<PersonState>()(
  persist(
    (set) => ({
      displayName: '',
      color: randomColor(),
      setDisplayName: (name) => set({ displayName: name.trim().slice(0, DISPLAY_NAME_MAX) }),
    }),
    {
      name: 'transforma:person',
      version: 2,
      migrate: (persisted) => {
        const state = (persisted ?? {}) as Partial<PersonState>;
        return { ...state, color: legibleColor(state.color ?? randomColor()) } as PersonState;
      },
      partialize: ({ displayName, color }) => ({ displayName, color }),
    },
  ),
);

/** Up to two initials for an avatar. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = words[0]!;
  const last = words.length > 1 ? words[words.length - 1]! : '';
  const letters = last ? [...first][0]! + [...last][0]! : [...first].slice(0, 2).join('');
  return letters.toUpperCase();
}
