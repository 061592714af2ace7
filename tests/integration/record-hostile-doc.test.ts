/**
 * A workshop whose doc a client broke can still be snapshotted, archived, reopened and exported
 * (issue 9, finding 3): a stock y-websocket client with the facilitator's token sets meta.createdAt
 * to -1e15, meta.template to an unknown value or deletes meta.workshopId, and every one of those
 * answered 500. The record takes the workshop's id, template and creation time from the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/app';
import { addRegion, cardsMap, createActivity, createCapacity, metaMap } from '../../shared/doc';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import type { ArchiveResponse } from '../../shared/record/api';
import type { WorkshopRecord } from '../../shared/record/schema';
import { connectSynced } from '../support/clients';
import { createWorkshop, startTestServer } from '../support/server';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const FORMATS = ['json', 'csv', 'md', 'html'] as const;

/** A workshop with some content, then `breakDoc` written by the facilitator's stock client. */
async function brokenWorkshop(
  breakDoc: (doc: Y.Doc) => void,
): Promise<{ workshop: CreateWorkshopResponse; createdBetween: [number, number] }> {
  const before = Date.now();
  const workshop = await createWorkshop(server.url, 'Tyrol EDW', 'edw');
  const after = Date.now();
  const client = await connectSynced(server.url, workshop.id, workshop.tokens.facilitator);
  try {
    const region = addRegion(client.doc, { name: 'Tyrol', country: 'Austria', nuts: 'AT33' });
    const capacity = createCapacity(client.doc, { title: 'Tourism', regionId: region });
    createActivity(client.doc, { title: 'Digital tourism', capacityIds: [capacity] });
    breakDoc(client.doc);
    const sent = Y.encodeStateVector(client.doc);
    // The server's copy holds every edit before anything is asked of it.
    for (let i = 0; ; i++) {
      const held = await server.rooms.withDocument(workshop.id, (doc) => Y.encodeStateVector(doc));
      if (Buffer.from(held).equals(Buffer.from(sent))) break;
      if (i > 500) throw new Error('the edits never reached the server');
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    client.destroy();
  }
  return { workshop, createdBetween: [before, after] };
}

function post(workshop: CreateWorkshopResponse, action: 'snapshot' | 'archive' | 'reopen') {
  return fetch(`${server.url}/api/workshops/${workshop.id}/${action}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${workshop.tokens.facilitator}` },
  });
}

function download(workshop: CreateWorkshopResponse, format: string) {
  return fetch(`${server.url}/api/workshops/${workshop.id}/export?format=${format}`, {
    headers: { authorization: `Bearer ${workshop.tokens.facilitator}` },
  });
}

/** Every format answers 200; the JSON's workshop facts are the server's. */
async function exportsEveryFormat(
  workshop: CreateWorkshopResponse,
  createdBetween: [number, number],
): Promise<WorkshopRecord> {
  for (const format of FORMATS) {
    const res = await download(workshop, format);
    expect(res.status, `${format}: ${res.status}`).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
  }
  const record = (await (await download(workshop, 'json')).json()) as WorkshopRecord;
  expect(record.workshop).toMatchObject({ id: workshop.id, template: 'edw' });
  expect(record.provenance.workshopId).toBe(workshop.id);
  const createdAt = Date.parse(record.workshop.dates.createdAt);
  expect(createdAt).toBeGreaterThanOrEqual(createdBetween[0]);
  expect(createdAt).toBeLessThanOrEqual(createdBetween[1]);
  return record;
}

/** Live exports, a snapshot, its exports, the archive, its exports and reopening all succeed. */
async function survivesEveryRecordPath(
  workshop: CreateWorkshopResponse,
  createdBetween: [number, number],
): Promise<void> {
  const live = await exportsEveryFormat(workshop, createdBetween);
  expect(live.capacities.map((c) => c.title)).toEqual(['Tourism']);

  const snapshot = await post(workshop, 'snapshot');
  expect(snapshot.status, await snapshot.clone().text()).toBe(201);
  expect(((await snapshot.json()) as ArchiveResponse).record).toMatchObject({
    workshopId: workshop.id,
    version: 1,
    template: 'edw',
  });
  await exportsEveryFormat(workshop, createdBetween);

  const archive = await post(workshop, 'archive');
  expect(archive.status, await archive.clone().text()).toBe(201);
  expect(((await archive.json()) as ArchiveResponse).record).toMatchObject({
    workshopId: workshop.id,
    version: 2,
    kind: 'archive',
  });
  await exportsEveryFormat(workshop, createdBetween);
  expect((await post(workshop, 'reopen')).status).toBe(200);
}

describe('a workshop whose doc a client broke', () => {
  it('meta.createdAt = -1e15: snapshot, archive, reopen and every export answer', async () => {
    const { workshop, createdBetween } = await brokenWorkshop((doc) =>
      metaMap(doc).set('createdAt', -1e15),
    );
    await survivesEveryRecordPath(workshop, createdBetween);
  });

  it('meta.template unknown: snapshot, archive, reopen and every export answer', async () => {
    const { workshop, createdBetween } = await brokenWorkshop((doc) =>
      metaMap(doc).set('template', 'bogus'),
    );
    await survivesEveryRecordPath(workshop, createdBetween);
  });

  it('meta.workshopId deleted: snapshot, archive, reopen and every export answer', async () => {
    const { workshop, createdBetween } = await brokenWorkshop((doc) =>
      metaMap(doc).delete('workshopId'),
    );
    await survivesEveryRecordPath(workshop, createdBetween);
  });

  it('everything at once, and the PDF prints', async () => {
    const { workshop, createdBetween } = await brokenWorkshop((doc) => {
      const meta = metaMap(doc);
      meta.set('createdAt', -1e15);
      meta.set('template', 'bogus');
      meta.delete('workshopId');
      // Another workshop's id, a card that is not a card, a body nested thousands deep.
      meta.set('workshopId', 'x'.repeat(65));
      cardsMap(doc).set('', new Y.Map());
      cardsMap(doc).set('not-a-card', 42 as never);
      const [card] = [...cardsMap(doc).values()].filter((c) => c instanceof Y.Map && c.size > 0);
      let parent = card!.get('body') as Y.XmlFragment | Y.XmlElement;
      for (let i = 0; i < 1_200; i++) {
        const element: Y.XmlElement = new Y.XmlElement(i % 2 ? 'listItem' : 'bulletList');
        parent.insert(parent.length, [element]);
        parent = element;
      }
      parent.insert(0, [new Y.XmlText('deep down')]);
    });
    await survivesEveryRecordPath(workshop, createdBetween);
    const pdf = await download(workshop, 'pdf');
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  }, 60_000);
});
