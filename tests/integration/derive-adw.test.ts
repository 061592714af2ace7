/** Starting an ADW from an EDW's selected activities, through the API, with provenance. */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import {
  createActivity,
  createCapacity,
  getCard,
  listActivities,
  listCapacities,
  readMeta,
  resolveLinks,
} from '../../shared/doc';
import type { DeriveWorkshopResponse } from '../../shared/domain/workshop';
import { connectSynced, type TestClient } from '../support/clients';
import { createWorkshop, startTestServer, waitFor } from '../support/server';

const servers: RunningServer[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
});

const derive = (url: string, id: string, token: string, body: object) =>
  fetch(`${url}/api/workshops/${id}/derive`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

describe('POST /api/workshops/:id/derive', () => {
  it('copies the selected activities of a live EDW into a new ADW', async () => {
    const s = await startTestServer();
    servers.push(s);
    const edw = await createWorkshop(s.url, 'Tyrol EDW', 'edw');
    const editor = await connectSynced(s.url, edw.id, edw.tokens.participant);
    clients.push(editor);
    const cap = createCapacity(editor.doc, { title: 'Tourism' });
    const chosen = createActivity(editor.doc, {
      title: 'Digital tourism',
      capacityIds: [cap],
      status: 'selected',
    });
    createActivity(editor.doc, { title: 'Candidate only' });

    // Not yet persisted edits must still be seen: derive reads the live room.
    const res = await derive(s.url, edw.id, edw.tokens.facilitator, { template: 'adw' });
    expect(res.status).toBe(201);
    const adw = (await res.json()) as DeriveWorkshopResponse;
    expect(adw).toMatchObject({
      template: 'adw',
      title: 'Tyrol EDW — ADW',
      copiedActivities: 1,
      sourceWorkshopId: edw.id,
    });

    const reader = await connectSynced(s.url, adw.id, adw.tokens.participant);
    clients.push(reader);
    await waitFor(() => listActivities(reader.doc).length === 1, 'the copied activity');
    const [copy] = listActivities(reader.doc);
    expect(copy).toMatchObject({
      title: 'Digital tourism',
      provenance: { workshopId: edw.id, cardId: chosen },
    });
    expect(resolveLinks(reader.doc, copy!.capacityIds)).toMatchObject([
      { title: 'Tourism', removed: false },
    ]);
    expect(getCard(reader.doc, listCapacities(reader.doc)[0]!.id)!.get('provenance')).toEqual({
      workshopId: edw.id,
      cardId: cap,
    });
    expect(readMeta(reader.doc)).toMatchObject({ template: 'adw', workshopId: adw.id });
  });

  it('refuses participants, ADW sources, nothing selected and bad bodies', async () => {
    const s = await startTestServer();
    servers.push(s);
    const edw = await createWorkshop(s.url, 'EDW', 'edw');
    expect((await derive(s.url, edw.id, edw.tokens.participant, { template: 'adw' })).status).toBe(
      403,
    );
    const none = await derive(s.url, edw.id, edw.tokens.facilitator, { template: 'adw' });
    expect(none.status).toBe(409);
    expect(((await none.json()) as { error: string }).error).toMatch(/select/);
    const bad = await derive(s.url, edw.id, edw.tokens.facilitator, { template: 'edw' });
    expect(bad.status).toBe(400);
    const adw = await createWorkshop(s.url, 'ADW', 'adw');
    expect((await derive(s.url, adw.id, adw.tokens.facilitator, { template: 'adw' })).status).toBe(
      400,
    );
  });
});
