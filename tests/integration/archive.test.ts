/**
 * Archiving against the real server: versions, read-only archived workshops (real y-websocket
 * clients refused), reopening, who may read and search, search filters and paging, starting a
 * workshop from records, the JSON Schema, and the organiser token.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { RunningServer } from '../../server/app';
import { OrganiserAccess } from '../../server/auth/organiser';
import { SqliteStorage } from '../../server/storage/sqlite/sqliteStorage';
import type { WorkshopStatusEvent } from '../../shared/control/events';
import {
  addRegion,
  createActivity,
  createCapacity,
  createOpportunity,
  createAction,
  listActions,
  listActivities,
  listCapacities,
  listRegions,
  readCardProvenance,
  readSources,
  setWorkshopField,
} from '../../shared/doc';
import type {
  CreateWorkshopResponse,
  WorkshopSession,
  WorkshopTemplate,
} from '../../shared/domain/workshop';
import { randomId } from '../../shared/ids';
import type {
  ArchiveResponse,
  FromRecordResponse,
  RecordSearchResult,
  RecordVersionList,
} from '../../shared/record/api';
import type { WorkshopRecord } from '../../shared/record/schema';
import { connectSynced, type TestClient } from '../support/clients';
import { createWorkshop, startTestServer, tempDataDir, waitFor } from '../support/server';

const ORGANISER = randomId(32);
const servers: RunningServer[] = [];
const clients: TestClient[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
});

async function setup(): Promise<RunningServer> {
  const server = await startTestServer({ organiserToken: ORGANISER });
  servers.push(server);
  return server;
}

function api(server: RunningServer, path: string, token?: string, body?: unknown) {
  return fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const archive = (s: RunningServer, w: CreateWorkshopResponse, token = w.tokens.facilitator) =>
  api(s, `/api/workshops/${w.id}/archive`, token, {});

async function archived(s: RunningServer, w: CreateWorkshopResponse): Promise<ArchiveResponse> {
  const res = await archive(s, w);
  expect(res.status).toBe(201);
  return (await res.json()) as ArchiveResponse;
}

async function client(s: RunningServer, id: string, token: string): Promise<TestClient> {
  const c = await connectSynced(s.url, id, token);
  clients.push(c);
  return c;
}

/** Polls an async check until it holds (or fails after a while). */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** What the server's own copy of the doc holds (read without joining). */
const serverCapacities = (s: RunningServer, id: string) =>
  s.rooms.withDocument(id, (doc) => listCapacities(doc).map((c) => c.title));

describe('archive and versions', () => {
  it('archives as version 1, refuses every edit while archived, reopens, archives version 2', async () => {
    const s = await setup();
    const w = await createWorkshop(s.url, 'Tyrol EDW', 'edw');
    const participant = await client(s, w.id, w.tokens.participant);
    const host = await client(s, w.id, w.tokens.facilitator);
    const statuses: WorkshopStatusEvent[] = [];
    const socket = io(s.url, {
      auth: { workshopId: w.id, token: w.tokens.participant },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    socket.on('workshop:status', (event: WorkshopStatusEvent) => statuses.push(event));
    await waitFor(() => statuses.length === 1, 'the status on connect');
    expect(statuses[0]).toEqual({ workshopId: w.id, status: 'open' });

    createCapacity(participant.doc, { title: 'Tourism' });
    await waitFor(() => listCapacities(host.doc).length === 1, 'the capacity to reach the host');

    const first = await archived(s, w);
    expect(first).toMatchObject({ status: 'archived', record: { version: 1, kind: 'archive' } });
    await waitFor(() => statuses.length === 2, 'the archived status event');
    expect(statuses[1]).toEqual({ workshopId: w.id, status: 'archived' });
    const session = (await (
      await api(s, `/api/workshops/${w.id}`, w.tokens.participant)
    ).json()) as WorkshopSession;
    expect(session.status).toBe('archived');

    // Read-only for everyone, the facilitator included.
    createCapacity(participant.doc, { title: 'written by a participant after archiving' });
    createCapacity(host.doc, { title: 'written by the facilitator after archiving' });
    await waitFor(() => participant.closeCodes.includes(4423), 'the participant to be refused');
    await waitFor(() => host.closeCodes.includes(4423), 'the facilitator to be refused');
    for (const refused of clients.splice(0)) refused.destroy(); // they would resend on reconnect
    expect(await serverCapacities(s, w.id)).toEqual(['Tourism']);

    // Reading stays possible: a new client syncs and is not refused for its (empty) sync reply.
    const viewer = await client(s, w.id, w.tokens.participant);
    const observer = await client(s, w.id, w.tokens.projector);
    viewer.provider.awareness.setLocalStateField('user', { name: 'viewer' });
    // Messages of one socket are handled in order: once its presence is relayed, its sync reply was too.
    await waitFor(
      () => [...observer.provider.awareness.getStates().values()].some((st) => st.user),
      'the viewer’s presence',
    );
    expect(viewer.closeCodes).toEqual([]);
    expect(listCapacities(viewer.doc).map((c) => c.title)).toEqual(['Tourism']);

    const v1 = await (
      await api(s, `/api/workshops/${w.id}/record?version=1`, w.tokens.participant)
    ).text();
    expect((JSON.parse(v1) as WorkshopRecord).capacities.map((c) => c.title)).toEqual(['Tourism']);

    const reopened = await api(s, `/api/workshops/${w.id}/reopen`, w.tokens.facilitator, {});
    expect(reopened.status).toBe(200);
    expect(await reopened.json()).toEqual({ workshopId: w.id, status: 'open' });
    await waitFor(() => statuses.length === 3, 'the reopened status event');
    expect(statuses[2]!.status).toBe('open');

    const editor = await client(s, w.id, w.tokens.participant);
    createCapacity(editor.doc, { title: 'Added after reopening' });
    await eventually(
      async () => (await serverCapacities(s, w.id)).length === 2,
      'the edit to reach the server',
    );
    const second = await archived(s, w);
    expect(second.record).toMatchObject({ version: 2, kind: 'archive' });

    // Version 1 is unchanged, byte for byte; version 2 holds the new capacity.
    expect(
      await (await api(s, `/api/workshops/${w.id}/record?version=1`, w.tokens.participant)).text(),
    ).toBe(v1);
    const latest = (await (
      await api(s, `/api/workshops/${w.id}/record`, w.tokens.participant)
    ).json()) as WorkshopRecord;
    expect(latest.provenance).toMatchObject({
      recordVersion: 2,
      kind: 'archive',
      workshopId: w.id,
    });
    expect(latest.capacities.map((c) => c.title)).toEqual(['Tourism', 'Added after reopening']);
    const list = (await (
      await api(s, `/api/workshops/${w.id}/records`, w.tokens.projector)
    ).json()) as RecordVersionList;
    expect(list.status).toBe('archived');
    expect(list.versions.map((v) => [v.version, v.kind])).toEqual([
      [1, 'archive'],
      [2, 'archive'],
    ]);
  });

  it('names in the record only the people who agreed when they joined; counts everyone', async () => {
    const s = await setup();
    const w = await createWorkshop(s.url, 'Consent EDW', 'edw');
    const join = (body: object) =>
      api(s, `/api/workshops/${w.id}/join`, w.tokens.participant, body);
    expect(
      (await join({ name: 'Anna', organisation: 'MCI', helix: 'research', consentToNames: true }))
        .status,
    ).toBe(201);
    expect((await join({ name: 'Ben', helix: 'business' })).status).toBe(201);
    expect((await join({ name: 'Cleo', consentToNames: 'yes' })).status).toBe(400);
    const { record } = await archived(s, w);
    const res = await api(
      s,
      `/api/workshops/${w.id}/record?version=${record!.version}`,
      w.tokens.participant,
    );
    const body = (await res.json()) as WorkshopRecord;
    expect(body.participants.total).toBe(2);
    expect(body.participants.named).toEqual([
      { name: 'Anna', organisation: 'MCI', helix: 'research', regionId: null },
    ]);
    expect(JSON.stringify(body)).not.toContain('Ben');
  });

  it('takes snapshots without closing, in the same version sequence, and refuses wrong states', async () => {
    const s = await setup();
    const w = await createWorkshop(s.url, 'Snapshots', 'edw');
    const editor = await client(s, w.id, w.tokens.participant);
    const snap = await api(s, `/api/workshops/${w.id}/snapshot`, w.tokens.facilitator, {});
    expect(snap.status).toBe(201);
    expect(await snap.json()).toMatchObject({
      status: 'open',
      record: { version: 1, kind: 'snapshot' },
    });
    expect((await api(s, `/api/workshops/${w.id}/reopen`, w.tokens.facilitator, {})).status).toBe(
      409,
    );

    createCapacity(editor.doc, { title: 'Still editable' });
    await eventually(async () => (await serverCapacities(s, w.id)).length === 1, 'the edit');
    expect((await archived(s, w)).record).toMatchObject({ version: 2, kind: 'archive' });
    expect((await archive(s, w)).status).toBe(409);
    expect((await api(s, `/api/workshops/${w.id}/snapshot`, w.tokens.facilitator, {})).status).toBe(
      409,
    );
  });
});

describe('who may archive and read', () => {
  it('needs the facilitator to archive, and one of the workshop’s tokens to read', async () => {
    const s = await setup();
    const w = await createWorkshop(s.url, 'Auth', 'edw');
    const other = await createWorkshop(s.url, 'Other', 'edw');

    expect((await archive(s, w, '')).status).toBe(401);
    expect((await archive(s, w, randomId(32))).status).toBe(401);
    expect((await archive(s, w, other.tokens.facilitator)).status).toBe(401);
    expect((await archive(s, w, w.tokens.participant)).status).toBe(403);
    expect((await archive(s, w, w.tokens.projector)).status).toBe(403);
    expect((await archive(s, w, ORGANISER)).status).toBe(401);

    const record = (query = '', token?: string) =>
      api(s, `/api/workshops/${w.id}/record${query}`, token);
    expect((await record('', w.tokens.participant)).status).toBe(404); // nothing archived yet
    await archived(s, w);
    expect((await record()).status).toBe(401);
    expect((await record('', other.tokens.participant)).status).toBe(401);
    expect((await record('', w.tokens.projector)).status).toBe(200);
    expect((await record(`?token=${w.tokens.participant}`)).status).toBe(200);
    expect((await record('', ORGANISER)).status).toBe(200);
    expect((await record('?version=9', w.tokens.participant)).status).toBe(404);
    const bad = await record('?version=abc', w.tokens.participant);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'version' });
    expect((await api(s, '/api/workshops/not-an-id/record', ORGANISER)).status).toBe(400);

    // Listing, searching and importing are the organiser's.
    expect((await api(s, '/api/records')).status).toBe(401);
    expect((await api(s, '/api/records', w.tokens.facilitator)).status).toBe(401);
    expect((await api(s, '/api/records', ORGANISER)).status).toBe(200);
    expect((await api(s, `/api/records?token=${ORGANISER}`)).status).toBe(200);
    const body = { records: [{ workshopId: w.id }], template: 'edw', title: 'Copy' };
    expect((await api(s, '/api/workshops/from-record', w.tokens.facilitator, body)).status).toBe(
      401,
    );
  });
});

describe('search', () => {
  async function archivedWorkshop(
    s: RunningServer,
    title: string,
    template: WorkshopTemplate,
    fill: Parameters<RunningServer['rooms']['change']>[1],
  ): Promise<CreateWorkshopResponse> {
    const w = await createWorkshop(s.url, title, template);
    await s.rooms.change(w.id, fill);
    await archived(s, w);
    return w;
  }

  it('filters by words, region, template, field and day, and pages', async () => {
    const s = await setup();
    const tyrol = await archivedWorkshop(s, 'Tyrol EDW', 'edw', (doc) => {
      addRegion(doc, { name: 'Tyrol', country: 'Austria', nuts: 'AT33' });
      setWorkshopField(doc, 'Digital tourism');
      createCapacity(doc, { title: 'Ski resorts' });
    });
    const south = await archivedWorkshop(s, 'South Tyrol ADW', 'adw', (doc) => {
      addRegion(doc, { name: 'South Tyrol', country: 'Italy', nuts: 'ITH1' });
      setWorkshopField(doc, 'Health');
    });
    const bavaria = await archivedWorkshop(s, 'Bavaria EDW', 'edw', (doc) => {
      addRegion(doc, { name: 'Upper Bavaria', country: 'Germany', nuts: 'DE21' });
      setWorkshopField(doc, 'Mobility');
      createActivity(doc, { title: 'Hydrogen buses' });
    });
    const search = async (query: string) => {
      const res = await api(s, `/api/records${query}`, ORGANISER);
      expect(res.status).toBe(200);
      return (await res.json()) as RecordSearchResult;
    };
    const ids = async (query: string) =>
      (await search(query)).items.map((i) => i.workshopId).sort();

    expect(await ids('?q=hydrogen')).toEqual([bavaria.id]);
    expect(await ids('?q=SKI%20tyrol')).toEqual([tyrol.id]);
    expect(await ids('?q=edw')).toEqual([tyrol.id, bavaria.id].sort());
    expect(await ids('?region=south%20tyrol')).toEqual([south.id]);
    expect(await ids('?region=at33')).toEqual([tyrol.id]);
    expect(await ids('?template=adw')).toEqual([south.id]);
    expect(await ids('?field=mobil')).toEqual([bavaria.id]);

    const all = await search('');
    expect(all.total).toBe(3);
    expect(all.items[0]).toMatchObject({ status: 'archived', versions: 1, version: 1 });
    const heldOn = all.items[0]!.heldOn;
    const dayBefore = new Date(Date.parse(`${heldOn}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(await ids(`?from=${heldOn}&to=${heldOn}`)).toHaveLength(3);
    expect(await ids(`?to=${dayBefore}`)).toEqual([]);

    const pages = [await search('?pageSize=2'), await search('?pageSize=2&page=2')];
    expect(pages.map((p) => [p.page, p.pageSize, p.total, p.items.length])).toEqual([
      [1, 2, 3, 2],
      [2, 2, 3, 1],
    ]);
    expect(new Set(pages.flatMap((p) => p.items.map((i) => i.workshopId))).size).toBe(3);
    expect((await search('?pageSize=2&page=3')).items).toEqual([]);

    for (const bad of ['?template=x', '?from=2026-02-30', '?page=0', '?colour=red', '?q=a&q=b']) {
      const res = await api(s, `/api/records${bad}`, ORGANISER);
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { error: string }).error, bad).toBeTruthy();
    }
  });
});

describe('POST /api/workshops/from-record', () => {
  it('starts an ADW from an EDW record, with provenance', async () => {
    const s = await setup();
    const edw = await createWorkshop(s.url, 'Tyrol EDW', 'edw');
    const editor = await client(s, edw.id, edw.tokens.participant);
    const cap = createCapacity(editor.doc, { title: 'Tourism' });
    const opp = createOpportunity(editor.doc, { title: 'Smart guests' });
    const chosen = createActivity(editor.doc, {
      title: 'Digital tourism',
      status: 'selected',
      capacityIds: [cap],
      opportunityIds: [opp],
    });
    createActivity(editor.doc, { title: 'Not chosen' });
    createAction(editor.doc, { activityId: chosen, title: 'Guest app pilot', budget: 1000 });
    await eventually(
      async () => (await s.rooms.withDocument(edw.id, (doc) => listActions(doc).length)) === 1,
      'the edits to reach the server',
    );
    await archived(s, edw);

    const res = await api(s, '/api/workshops/from-record', ORGANISER, {
      records: [{ workshopId: edw.id }],
      template: 'adw',
      title: 'Tyrol ADW',
    });
    expect(res.status).toBe(201);
    const adw = (await res.json()) as FromRecordResponse;
    expect(adw).toMatchObject({
      template: 'adw',
      title: 'Tyrol ADW',
      copiedActivities: 1,
      sources: [{ workshopId: edw.id, version: 1 }],
    });

    const reader = await client(s, adw.id, adw.tokens.participant);
    await waitFor(() => listActivities(reader.doc).length === 1, 'the imported activity');
    const [activity] = listActivities(reader.doc);
    expect(activity).toMatchObject({ title: 'Digital tourism', status: 'selected' });
    expect(readCardProvenance(reader.doc, activity!.id)).toEqual({
      workshopId: edw.id,
      cardId: chosen,
      recordVersion: 1,
    });
    expect(readSources(reader.doc)).toEqual([{ workshopId: edw.id, version: 1 }]);

    // Its own record names its source.
    await archived(s, adw);
    const record = (await (
      await api(s, `/api/workshops/${adw.id}/record`, adw.tokens.participant)
    ).json()) as WorkshopRecord;
    expect(record.provenance.sourceRecords).toEqual([{ workshopId: edw.id, version: 1 }]);
    expect(record.actions.map((a) => [a.title, a.budget])).toEqual([['Guest app pilot', 1000]]);
    expect(record.capacities.map((c) => c.title)).toEqual(['Tourism']);
  });

  it('merges several regions’ EDW records into a cEDW, and refuses what it cannot import', async () => {
    const s = await setup();
    const make = async (title: string, region: string, capacity: string) => {
      const w = await createWorkshop(s.url, title, 'edw');
      await s.rooms.change(w.id, (doc) => {
        const regionId = addRegion(doc, { name: region, country: '', nuts: '' });
        createCapacity(doc, { title: capacity, regionId });
      });
      await archived(s, w);
      return w;
    };
    const tyrol = await make('Tyrol EDW', 'Tyrol', 'Tourism');
    const bavaria = await make('Bavaria EDW', 'Upper Bavaria', 'Automotive');

    const res = await api(s, '/api/workshops/from-record', ORGANISER, {
      records: [{ workshopId: tyrol.id, version: 1 }, { workshopId: bavaria.id }],
      template: 'cedw',
      title: 'Alpine cEDW',
    });
    expect(res.status).toBe(201);
    const cedw = (await res.json()) as FromRecordResponse;
    const reader = await client(s, cedw.id, cedw.tokens.participant);
    await waitFor(() => listCapacities(reader.doc).length === 2, 'both regions’ capacities');
    expect(listRegions(reader.doc).map((r) => r.name)).toEqual(['Tyrol', 'Upper Bavaria']);
    expect(listCapacities(reader.doc).map((c) => c.title)).toEqual(['Tourism', 'Automotive']);

    const post = (body: object) => api(s, '/api/workshops/from-record', ORGANISER, body);
    const base = { template: 'cedw', title: 'x' };
    expect((await post({ ...base, records: [{ workshopId: randomId(16) }] })).status).toBe(404);
    expect((await post({ ...base, records: [{ workshopId: tyrol.id, version: 7 }] })).status).toBe(
      404,
    );
    const noneSelected = await post({
      ...base,
      template: 'adw',
      records: [{ workshopId: tyrol.id }],
    });
    expect(noneSelected.status).toBe(409);
    const bad = await post({ ...base, records: 'all' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'records' });
  });
});

describe('GET /api/schema/record.json', () => {
  it('serves the JSON Schema of the records the server stores', async () => {
    const s = await setup();
    const res = await fetch(`${s.url}/api/schema/record.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/schema+json');
    const schema = (await res.json()) as {
      $schema: string;
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');

    const w = await createWorkshop(s.url, 'Schema', 'edw');
    await archived(s, w);
    const record = (await (
      await api(s, `/api/workshops/${w.id}/record`, w.tokens.participant)
    ).json()) as Record<string, unknown>;
    // Every section is described; all are required but the questionnaires, which records of
    // schema version 1 do not have (issue 12).
    expect(Object.keys(record).sort()).toEqual(Object.keys(schema.properties).sort());
    expect(
      Object.keys(record)
        .filter((k) => k !== 'questionnaires')
        .sort(),
    ).toEqual([...schema.required].sort());
  });
});

describe('the organiser token', () => {
  function captureLog() {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    return { lines, log: pino({ level: 'info' }, stream) };
  }

  it('is generated once, shown once on the console (not in the JSON log), and stored only as a hash', async () => {
    const dataDir = tempDataDir('transforma-organiser-');
    const first = captureLog();
    const shown: string[] = [];
    const storage = new SqliteStorage({ dataDir });
    const access = await OrganiserAccess.init(storage, undefined, first.log, (line) =>
      shown.push(line),
    );
    expect(shown).toHaveLength(1);
    const token = /Organiser token \(shown only this once[^:]*\): (\S+)/.exec(shown[0]!)![1]!;
    expect(access.accepts(token)).toBe(true);
    expect(access.accepts(randomId(32))).toBe(false);
    // The log says a token was shown, and never holds it.
    expect(first.lines).toHaveLength(1);
    expect(first.lines[0]).toContain('organiser token');
    expect(first.lines[0]).not.toContain(token);
    expect(await storage.getSetting('organiser_token_hash')).not.toContain(token);
    await storage.close();

    const again = captureLog();
    const reopened = new SqliteStorage({ dataDir });
    const restarted = await OrganiserAccess.init(reopened, undefined, again.log, (line) =>
      shown.push(line),
    );
    expect(again.lines).toEqual([]);
    expect(shown).toHaveLength(1);
    expect(restarted.accepts(token)).toBe(true);

    // ORGANISER_TOKEN wins over the generated one.
    const configured = await OrganiserAccess.init(reopened, ORGANISER, again.log);
    expect(configured.accepts(ORGANISER)).toBe(true);
    expect(configured.accepts(token)).toBe(false);
    await reopened.close();
  });

  it('refuses a malformed ORGANISER_TOKEN at start-up', async () => {
    await expect(startTestServer({ organiserToken: 'short' })).rejects.toThrow(/ORGANISER_TOKEN/);
  });
});
