/**
 * Resetting a shared link: the old participant (or projector) link stops working at once on every
 * surface (REST, sync, socket.io, live connections included), everyone who joined keeps their own
 * identity, and only the holder of the facilitator link can do it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { RunningServer } from '../../server/app';
import type { WorkshopLinks } from '../../shared/domain/workshop';
import { connectSynced, rawSocket, type TestClient } from '../support/clients';
import { joinAs } from '../support/controlClients';
import { createWorkshop, startTestServer, tempDataDir, waitFor, wsBase } from '../support/server';

const servers: RunningServer[] = [];
const clients: TestClient[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of sockets.splice(0)) s.disconnect();
  for (const s of servers.splice(0)) await s.close();
});

const rotate = (url: string, workshopId: string, token: string, body: unknown) =>
  fetch(`${url}/api/workshops/${workshopId}/links/rotate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

const links = async (url: string, workshopId: string, token: string) => {
  const res = await fetch(`${url}/api/workshops/${workshopId}/links`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as WorkshopLinks;
};

const session = (url: string, workshopId: string, token: string) =>
  fetch(`${url}/api/workshops/${workshopId}`, { headers: { authorization: `Bearer ${token}` } });

/** A control-plane socket; resolves once it is in (or with the refusal's message). */
async function control(url: string, workshopId: string, token: string) {
  const socket = io(url, {
    auth: { workshopId, token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  const outcome = await new Promise<'connected' | string>((resolve) => {
    socket.on('session', () => resolve('connected'));
    socket.on('connect_error', (err) => resolve(err.message));
  });
  return { socket, outcome };
}

async function start(dataDir = tempDataDir()) {
  const s = await startTestServer({ dataDir });
  servers.push(s);
  return s;
}

describe('POST /api/workshops/:id/links/rotate', () => {
  it('stops the old participant link everywhere at once; who joined keeps their identity', async () => {
    const s = await start();
    const w = await createWorkshop(s.url);
    const anna = await joinAs(s.url, w, { name: 'Anna' });
    const oldLink = w.tokens.participant;
    // Open with the old link: a stock client, a control socket, and Anna with her own token.
    const stock = await connectSynced(s.url, w.id, oldLink);
    const annaSync = await connectSynced(s.url, w.id, anna.identityToken);
    clients.push(stock, annaSync);
    const linkSocket = await control(s.url, w.id, oldLink);
    const annaSocket = await control(s.url, w.id, anna.identityToken);
    expect([linkSocket.outcome, annaSocket.outcome]).toEqual(['connected', 'connected']);
    const linkSocketClosed = new Promise<string>((resolve) =>
      linkSocket.socket.on('disconnect', resolve),
    );

    const res = await rotate(s.url, w.id, w.tokens.facilitator, { role: 'participant' });
    expect(res.status).toBe(200);
    const rotated = (await res.json()) as WorkshopLinks;
    expect(rotated.tokens.participant).not.toBe(oldLink);
    expect(rotated.tokens.projector).toBe(w.tokens.projector);
    expect(rotated.tokens.facilitator).toBe(w.tokens.facilitator);
    expect(rotated.links.participant).toBe(
      `${s.url}/w/${w.id}#token=${rotated.tokens.participant}`,
    );

    // Live connections opened with the old link are closed; Anna's stay open.
    await waitFor(() => stock.closeCodes.includes(4401), 'the old-link sync to close with 4401');
    expect(await linkSocketClosed).toBe('io server disconnect');
    expect(annaSync.closeCodes).toEqual([]);
    expect(annaSocket.socket.connected).toBe(true);

    // The old link is refused everywhere; the new one and Anna's token work.
    expect((await session(s.url, w.id, oldLink)).status).toBe(401);
    const retry = rawSocket(`${wsBase(s.url)}/${w.id}?token=${oldLink}`);
    expect((await retry.closed).code).toBe(4401);
    expect(retry.messages).toHaveLength(0);
    expect((await control(s.url, w.id, oldLink)).outcome).toBe('unauthorized');
    expect((await session(s.url, w.id, rotated.tokens.participant)).status).toBe(200);
    expect((await session(s.url, w.id, anna.identityToken)).status).toBe(200);
    const ben = await joinAs(s.url, { ...w, tokens: rotated.tokens }, { name: 'Ben' });
    expect(ben.role).toBe('participant');

    expect(await links(s.url, w.id, w.tokens.facilitator)).toEqual(rotated);
  });

  it('resets the projector link alone, and the reset outlives a restart', async () => {
    const dataDir = tempDataDir();
    const s = await start(dataDir);
    const w = await createWorkshop(s.url);
    const wall = await connectSynced(s.url, w.id, w.tokens.projector);
    const stock = await connectSynced(s.url, w.id, w.tokens.participant);
    clients.push(wall, stock);

    const res = await rotate(s.url, w.id, w.tokens.facilitator, { role: 'projector' });
    const rotated = (await res.json()) as WorkshopLinks;
    await waitFor(() => wall.closeCodes.includes(4401), 'the wall to close with 4401');
    expect(stock.closeCodes).toEqual([]);
    expect(rotated.tokens.participant).toBe(w.tokens.participant);
    // Twice: each reset is a new link.
    const again = (await (
      await rotate(s.url, w.id, w.tokens.facilitator, { role: 'projector' })
    ).json()) as WorkshopLinks;
    expect(again.tokens.projector).not.toBe(rotated.tokens.projector);

    await s.close();
    servers.length = 0;
    const restarted = await start(dataDir);
    expect(await links(restarted.url, w.id, w.tokens.facilitator)).toMatchObject({
      tokens: again.tokens,
    });
    expect((await session(restarted.url, w.id, rotated.tokens.projector)).status).toBe(401);
    expect((await session(restarted.url, w.id, again.tokens.projector)).status).toBe(200);
  });

  it('is for the facilitator link only', async () => {
    const s = await start();
    const w = await createWorkshop(s.url);
    const anna = await joinAs(s.url, w, { name: 'Anna' });
    // Fiona joins with the facilitator link: a facilitator with her own identity token.
    const asFacilitator = { ...w, tokens: { ...w.tokens, participant: w.tokens.facilitator } };
    const fiona = await joinAs(s.url, asFacilitator, { name: 'Fiona' });
    expect(fiona.role).toBe('facilitator');
    const body = { role: 'participant' };
    expect((await rotate(s.url, w.id, w.tokens.participant, body)).status).toBe(403);
    expect((await rotate(s.url, w.id, anna.identityToken, body)).status).toBe(403);
    expect((await rotate(s.url, w.id, w.tokens.projector, body)).status).toBe(403);
    // A co-facilitator's own token cannot derive the links.
    const byFiona = await rotate(s.url, w.id, fiona.identityToken, body);
    expect(byFiona.status).toBe(403);
    expect(((await byFiona.json()) as { error: string }).error).toContain('facilitator link');
    expect((await rotate(s.url, w.id, 'x'.repeat(43), body)).status).toBe(401);
    const bad = await rotate(s.url, w.id, w.tokens.facilitator, { role: 'facilitator' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'role' });
    // Nothing changed.
    expect((await session(s.url, w.id, w.tokens.participant)).status).toBe(200);
  });
});
