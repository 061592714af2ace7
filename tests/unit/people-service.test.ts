/**
 * PeopleService presence bookkeeping: a person is online while any connection is open, and a crowd
 * arriving at once is announced as one list, not one per person.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PeopleService } from '../../server/control/peopleService';
import type { IdentityRow, Storage } from '../../server/storage/storage';

function storageWith(names: string[]): Storage {
  const rows: IdentityRow[] = names.map((name, i) => ({
    id: `id-${i}`,
    workshopId: 'w',
    name,
    organisation: '',
    helix: null,
    regionId: '',
    role: 'participant',
    joinedAt: new Date(0).toISOString(),
    removed: false,
    consentToNames: false,
  }));
  return { listIdentities: async () => rows } as unknown as Storage;
}

describe('PeopleService presence', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('announces 150 arrivals as one list after the delay', async () => {
    const names = Array.from({ length: 150 }, (_, i) => `Person ${i}`);
    const people = new PeopleService(storageWith(names), { presenceDelayMs: 300 });
    const announced: string[] = [];
    people.onListChanged((workshopId) => announced.push(workshopId));

    names.forEach((_, i) => people.connected('w', `id-${i}`));
    expect(announced).toEqual([]);
    vi.advanceTimersByTime(300);
    expect(announced).toEqual(['w']);
    expect((await people.participants('w')).every((p) => p.online)).toBe(true);
  });

  it('keeps a person online until their last connection closes', async () => {
    const people = new PeopleService(storageWith(['Anna']), { presenceDelayMs: 300 });
    const announced: string[] = [];
    people.onListChanged((workshopId) => announced.push(workshopId));
    people.connected('w', 'id-0');
    people.connected('w', 'id-0');
    vi.advanceTimersByTime(300);
    announced.length = 0;

    people.disconnected('w', 'id-0');
    vi.advanceTimersByTime(300);
    expect(announced).toEqual([]);
    expect((await people.participants('w'))[0]!.online).toBe(true);

    people.disconnected('w', 'id-0');
    vi.advanceTimersByTime(300);
    expect(announced).toEqual(['w']);
    expect((await people.participants('w'))[0]!.online).toBe(false);
  });

  it('folds a pending presence announcement into a hand change, sent at once', () => {
    const people = new PeopleService(storageWith(['Anna']), { presenceDelayMs: 300 });
    const announced: string[] = [];
    people.onListChanged((workshopId) => announced.push(workshopId));
    people.connected('w', 'id-0');
    people.setHand('w', { role: 'participant', identityId: 'id-0' }, { raised: true });
    expect(announced).toEqual(['w']);
    vi.advanceTimersByTime(1000);
    expect(announced).toEqual(['w']);
  });
});
