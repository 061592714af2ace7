/** Joining a workshop as a person: an identity with its own token, usable for sync and control. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { RunningServer } from '../../server/app';
import type { SessionEvent } from '../../shared/control/events';
import { addRegion, createCard, listCards } from '../../shared/doc';
import type { JoinResponse, Participant } from '../../shared/domain/identity';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { connectSynced, rawSocket, type TestClient } from '../support/clients';
import { createWorkshop, startTestServer, tempDataDir, waitFor, wsBase } from '../support/server';

const servers: RunningServer[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
});

const join = (url: string, id: string, token: string, body: unknown) =>
  fetch(`${url}/api/workshops/${id}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

describe('POST /api/workshops/:id/join', () => {
  it('gives each person an identity whose token syncs with their role, stored hashed', async () => {
    const dataDir = tempDataDir();
    const s = await startTestServer({ dataDir });
    servers.push(s);
    const w = await createWorkshop(s.url, 'EDW', 'cedw');
    const organiser = await connectSynced(s.url, w.id, w.tokens.facilitator);
    clients.push(organiser);
    const tyrol = addRegion(organiser.doc, { name: 'Tyrol', country: 'AT', nuts: 'AT33' });

    const res = await join(s.url, w.id, w.tokens.participant, {
      name: '  Anna  ',
      organisation: 'MCI Innsbruck',
      helix: 'research',
      regionId: tyrol,
    });
    expect(res.status).toBe(201);
    const anna = (await res.json()) as JoinResponse;
    expect(anna.role).toBe('participant');
    expect(anna.identityToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The identity token works for sync (as a participant) and for the control plane.
    const client = await connectSynced(s.url, w.id, anna.identityToken);
    clients.push(client);
    createCard(client.doc, { title: 'by Anna' });
    await waitFor(() => listCards(organiser.doc).length === 1, 'the card to arrive');
    const socket = io(s.url, {
      auth: { workshopId: w.id, token: anna.identityToken },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const session = await new Promise<SessionEvent>((resolve) => socket.on('session', resolve));
    socket.disconnect();
    expect(session.role).toBe('participant');

    const list = await fetch(`${s.url}/api/workshops/${w.id}/participants`, {
      headers: { authorization: `Bearer ${anna.identityToken}` },
    });
    const { participants } = (await list.json()) as { participants: Participant[] };
    expect(participants).toMatchObject([
      {
        id: anna.identityId,
        name: 'Anna',
        organisation: 'MCI Innsbruck',
        helix: 'research',
        regionId: tyrol,
        role: 'participant',
      },
    ]);

    await s.close();
    servers.length = 0;
    const stored = fs
      .readdirSync(dataDir)
      .map((f) => fs.readFileSync(path.join(dataDir, f)).toString('latin1'))
      .join('');
    expect(stored).toContain('MCI Innsbruck');
    expect(stored).not.toContain(anna.identityToken);
  });

  it('makes a facilitator link join as a facilitator', async () => {
    const s = await startTestServer();
    servers.push(s);
    const w = await createWorkshop(s.url);
    const res = await join(s.url, w.id, w.tokens.facilitator, { name: 'Fiona' });
    const fiona = (await res.json()) as JoinResponse;
    expect(fiona.role).toBe('facilitator');
    // The share links derive from the facilitator link's token, not from a person's own.
    const links = (token: string) =>
      fetch(`${s.url}/api/workshops/${w.id}/links`, {
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await links(w.tokens.facilitator)).status).toBe(200);
    const refused = await links(fiona.identityToken);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toContain('facilitator link');
  });

  it.each([
    ['an empty name', { name: ' ' }, 400],
    ['an unknown helix', { name: 'A', helix: 'aliens' }, 400],
    ['a region the workshop does not have', { name: 'A', regionId: 'atlantis' }, 400],
  ])('refuses %s', async (_label, body, status) => {
    const s = await startTestServer();
    servers.push(s);
    const w = await createWorkshop(s.url);
    const res = await join(s.url, w.id, w.tokens.participant, body);
    expect(res.status).toBe(status);
    expect(typeof ((await res.json()) as { field?: string }).field).toBe('string');
  });

  it('refuses the wall screen, an identity token and a wrong token', async () => {
    const s = await startTestServer();
    servers.push(s);
    const w = await createWorkshop(s.url);
    expect((await join(s.url, w.id, w.tokens.projector, { name: 'Wall' })).status).toBe(403);
    const anna = (await (
      await join(s.url, w.id, w.tokens.participant, { name: 'Anna' })
    ).json()) as JoinResponse;
    expect((await join(s.url, w.id, anna.identityToken, { name: 'Anna again' })).status).toBe(409);
    expect((await join(s.url, w.id, 'w'.repeat(43), { name: 'X' })).status).toBe(401);
  });
});

describe('promoting and removing people', () => {
  async function joined(s: RunningServer, w: CreateWorkshopResponse, name: string) {
    return (await (await join(s.url, w.id, w.tokens.participant, { name })).json()) as JoinResponse;
  }

  function controlSocket(url: string, workshopId: string, token: string) {
    const socket = io(url, {
      auth: { workshopId, token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    return socket;
  }

  it('removes a participant: their connections close and their token no longer works', async () => {
    const s = await startTestServer();
    servers.push(s);
    const w = await createWorkshop(s.url);
    const ben = await joined(s, w, 'Ben');
    const benSync = await connectSynced(s.url, w.id, ben.identityToken);
    clients.push(benSync);
    const benControl = controlSocket(s.url, w.id, ben.identityToken);
    const removedEvent = new Promise<void>((resolve) => benControl.on('removed', () => resolve()));
    await new Promise((r) => benControl.on('session', r));
    const host = controlSocket(s.url, w.id, w.tokens.facilitator);
    const lists: Participant[][] = [];
    host.on('participants', (list: Participant[]) => lists.push(list));
    await new Promise((r) => host.on('session', r));

    // A participant cannot remove anyone.
    const refused = await benControl
      .timeout(5000)
      .emitWithAck('people:command', { type: 'participant:remove', identityId: ben.identityId });
    expect(refused).toEqual({ ok: false, error: 'only facilitators can run the workshop' });

    const reply = await host
      .timeout(5000)
      .emitWithAck('people:command', { type: 'participant:remove', identityId: ben.identityId });
    expect(reply).toEqual({ ok: true, value: [] });
    await removedEvent;
    await waitFor(
      () => benSync.closeCodes.includes(4403),
      'the sync connection to close with 4403',
    );
    // The stock provider stops after 4403; a new connection with the same token is refused.
    const retry = rawSocket(`${wsBase(s.url)}/${w.id}?token=${ben.identityToken}`);
    expect((await retry.closed).code).toBe(4401);
    expect(retry.messages).toHaveLength(0);
    await waitFor(() => lists.at(-1)?.length === 0, 'the host to see the new list');

    const again = controlSocket(s.url, w.id, ben.identityToken);
    const error = await new Promise<Error>((resolve) => again.on('connect_error', resolve));
    expect(error.message).toBe('unauthorized');
    host.disconnect();
  });

  it('promotes a participant to co-facilitator, live', async () => {
    const s = await startTestServer();
    servers.push(s);
    const w = await createWorkshop(s.url);
    const cleo = await joined(s, w, 'Cleo');
    const cleoControl = controlSocket(s.url, w.id, cleo.identityToken);
    const roles: string[] = [];
    cleoControl.on('session', (session: SessionEvent) => roles.push(session.role));
    await waitFor(() => roles.length === 1, 'the first session');
    expect(
      (
        await cleoControl
          .timeout(5000)
          .emitWithAck('control:command', { type: 'timer:start', durationMs: 60_000 })
      ).ok,
    ).toBe(false);

    const host = controlSocket(s.url, w.id, w.tokens.facilitator);
    await new Promise((r) => host.on('session', r));
    const reply = await host
      .timeout(5000)
      .emitWithAck('people:command', { type: 'participant:promote', identityId: cleo.identityId });
    expect(reply.ok).toBe(true);
    await waitFor(() => roles.at(-1) === 'facilitator', 'Cleo to hear of her new role');
    const command = await cleoControl
      .timeout(5000)
      .emitWithAck('control:command', { type: 'timer:start', durationMs: 60_000 });
    expect(command.ok).toBe(true);
    const missing = await host
      .timeout(5000)
      .emitWithAck('people:command', { type: 'participant:remove', identityId: 'nobody' });
    expect(missing).toEqual({ ok: false, error: 'no such person in this workshop' });
    cleoControl.disconnect();
    host.disconnect();
  });
});
