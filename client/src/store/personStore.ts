/**
 * The person using this browser: display name and colour, remembered for every workshop.
 * Local UI state only; others learn it through awareness.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** Saturated enough for a caret and a cursor, readable with white text. Six-digit hex (Tiptap). */
export const PERSON_COLORS = [
  '#e5484d',
  '#f76b15',
  '#d6a100',
  '#30a46c',
  '#12a594',
  '#0090ff',
  '#3e63dd',
  '#8e4ec6',
  '#d6409f',
  '#7c6f64',
] as const;

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
      version: 1,
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
