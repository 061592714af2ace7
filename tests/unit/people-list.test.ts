/** The people panel's pure helpers: hand queue order, list order, search. */
import { describe, expect, it } from 'vitest';
import type { Participant } from '../../shared/domain/identity';
import {
  handQueue,
  matchesQuery,
  sortPeople,
} from '../../client/src/facilitation/people/peopleList';

function person(id: string, name: string, patch: Partial<Participant> = {}): Participant {
  return {
    id,
    name,
    organisation: '',
    helix: null,
    regionId: '',
    consentToNames: false,
    role: 'participant',
    joinedAt: '2026-01-01T00:00:00.000Z',
    online: false,
    handRaisedAt: null,
    ...patch,
  };
}

describe('people list helpers', () => {
  it('queues raised hands first raised first, leaving out lowered ones', () => {
    const list = [
      person('a', 'Anna', { handRaisedAt: 300 }),
      person('b', 'Ben'),
      person('c', 'Cleo', { handRaisedAt: 100 }),
      person('d', 'Dan', { handRaisedAt: 200 }),
    ];
    expect(handQueue(list).map((p) => p.name)).toEqual(['Cleo', 'Dan', 'Anna']);
  });

  it('lists you first, then who is online, then the others, each by name', () => {
    const list = [
      person('z', 'Zoe', { online: true }),
      person('b', 'Ben'),
      person('m', 'Me'),
      person('a', 'Anna', { online: true }),
      person('c', 'Cleo'),
    ];
    expect(sortPeople(list, 'm').map((p) => p.name)).toEqual(['Me', 'Anna', 'Zoe', 'Ben', 'Cleo']);
  });

  it('finds people by any word of name, organisation or region, ignoring case and accents', () => {
    const words = ['Žiga Novak', 'Univerza v Ljubljani', 'Western Slovenia'];
    expect(matchesQuery(words, '')).toBe(true);
    expect(matchesQuery(words, 'ziga')).toBe(true);
    expect(matchesQuery(words, 'LJUBLJANI western')).toBe(true);
    expect(matchesQuery(words, 'tyrol')).toBe(false);
  });
});
