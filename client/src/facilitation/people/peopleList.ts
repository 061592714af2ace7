/** Pure helpers of the people panel: the hand queue, the list order, search, avatar colours. */
import type { Participant } from '@shared/domain/identity';
import { PERSON_COLORS } from '@client/store/personStore';

/** Raised hands, first raised first. */
export function handQueue(people: readonly Participant[]): Participant[] {
  return people
    .filter((p) => p.handRaisedAt !== null)
    .sort((a, b) => a.handRaisedAt! - b.handRaisedAt! || a.name.localeCompare(b.name));
}

/** You first, then who is online, then by name. */
export function sortPeople(people: readonly Participant[], meId: string | null): Participant[] {
  const rank = (p: Participant) => (p.id === meId ? 0 : p.online ? 1 : 2);
  return [...people].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** Case- and accent-insensitive match on the words a person is described by. */
export function matchesQuery(words: readonly string[], query: string): boolean {
  const wanted = fold(query).split(/\s+/).filter(Boolean);
  if (wanted.length === 0) return true;
  const text = fold(words.join(' '));
  return wanted.every((w) => text.includes(w));
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A stable colour per person (the same on every screen). */
export function colorFor(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PERSON_COLORS[hash % PERSON_COLORS.length]!;
}
