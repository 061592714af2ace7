/**
 * Concurrent conflicting edits of the S3 boards through the real server: both clients converge to
 * the same, valid state.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/app';
import {
  createActivity,
  createCapacity,
  deleteCard,
  getActivity,
  getCapacity,
  linkToActivity,
  listCapacities,
  moveCard,
  resolveLinks,
  setCardTitle,
  updateCapacity,
} from '../../shared/doc';
import { connectSynced, type TestClient } from '../support/clients';
import { createWorkshop, startTestServer, waitFor } from '../support/server';

const servers: RunningServer[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
});

async function twoClients() {
  const s = await startTestServer();
  servers.push(s);
  const w = await createWorkshop(s.url);
  const a = await connectSynced(s.url, w.id, w.tokens.participant);
  const b = await connectSynced(s.url, w.id, w.tokens.participant);
  clients.push(a, b);
  return { a, b };
}

const converged = (a: TestClient, b: TestClient) =>
  Buffer.from(Y.encodeStateVector(a.doc)).equals(Buffer.from(Y.encodeStateVector(b.doc)));

describe('concurrent conflicting edits', () => {
  it('same capacity moved, retitled and re-rated by two participants at once', async () => {
    const { a, b } = await twoClients();
    const id = createCapacity(a.doc, { title: 'Wood', strength: 2 });
    await waitFor(() => getCapacity(b.doc, id) !== undefined, 'B to see the capacity');

    b.provider.disconnect(); // make the edits truly concurrent
    moveCard(a.doc, id, 100, 100);
    setCardTitle(a.doc, id, 'Wood industry');
    updateCapacity(a.doc, id, { strength: 4 });
    moveCard(b.doc, id, 500, 500);
    setCardTitle(b.doc, id, 'Wood & timber');
    updateCapacity(b.doc, id, { kind: 'skills' });
    b.provider.connect();

    await waitFor(() => converged(a, b), 'convergence');
    expect(getCapacity(a.doc, id)).toEqual(getCapacity(b.doc, id));
    const merged = getCapacity(a.doc, id)!;
    expect(merged.strength).toBe(4); // fields touched by one side only keep that side's value
    expect(merged.kind).toBe('skills');
    expect([100, 500]).toContain(merged.x);
    expect(merged.title).toContain('Wood');
  });

  it('capacity deleted while another participant links it to an activity', async () => {
    const { a, b } = await twoClients();
    const cap = createCapacity(a.doc, { title: 'Ski tourism' });
    const act = createActivity(a.doc, { title: 'Year-round mountain tourism' });
    await waitFor(() => getActivity(b.doc, act) !== undefined, 'B to see the activity');

    b.provider.disconnect();
    linkToActivity(b.doc, act, 'capacity', cap);
    deleteCard(a.doc, cap, 'Ana');
    b.provider.connect();

    await waitFor(() => converged(a, b), 'convergence');
    for (const { doc } of [a, b]) {
      expect(listCapacities(doc)).toEqual([]);
      expect(resolveLinks(doc, getActivity(doc, act)!.capacityIds)).toEqual([
        { id: cap, title: 'Ski tourism', removed: true },
      ]);
    }
  });
});
