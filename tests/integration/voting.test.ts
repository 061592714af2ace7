/**
 * Secret dot voting with real socket.io and y-websocket clients: ballots stay on the server (no
 * client can read another's dots over socket.io or in the doc) until the reveal, which writes
 * totals split by helix and region into the workshop doc. Ballots survive a restart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/app';
import type { ControlStateEvent } from '../../shared/control/events';
import type { MyBallot } from '../../shared/control/votes';
import { addRegion, listVoteResults } from '../../shared/doc';
import type { WorkshopRecord } from '../../shared/record/schema';
import type { JoinResponse } from '../../shared/domain/identity';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { connectSynced, type TestClient } from '../support/clients';
import { createWorkshop, startTestServer, tempDataDir, waitFor } from '../support/server';

const servers: RunningServer[] = [];
const sockets: Socket[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
});

interface Person {
  socket: Socket;
  seen: unknown[];
}

async function connect(url: string, workshopId: string, token: string): Promise<Person> {
  const socket = io(url, {
    auth: { workshopId, token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  const seen: unknown[] = [];
  socket.onAny((event, ...args) => seen.push({ event, args }));
  await new Promise((resolve) => socket.on('control:state', resolve));
  return { socket, seen };
}

async function joinAs(url: string, w: CreateWorkshopResponse, body: object): Promise<JoinResponse> {
  const res = await fetch(`${url}/api/workshops/${w.id}/join`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${w.tokens.participant}`,
    },
    body: JSON.stringify(body),
  });
  return (await res.json()) as JoinResponse;
}

const command = (p: Person, c: object) =>
  p.socket.timeout(5000).emitWithAck('control:command', c) as Promise<
    { ok: true; value: ControlStateEvent } | { ok: false; error: string }
  >;
const cast = (p: Person, voteId: string, cardId: string, delta: 1 | -1 = 1) =>
  p.socket.timeout(5000).emitWithAck('vote:cast', { voteId, cardId, delta }) as Promise<
    { ok: true; value: MyBallot } | { ok: false; error: string }
  >;

describe('secret dot voting', () => {
  it('keeps ballots secret until the reveal, then writes the split results into the doc', async () => {
    const dataDir = tempDataDir();
    // Two voters, one a region: the privacy rule (tested below) would hide this raw split.
    let server = await startTestServer({ dataDir, voteSplitMinVoters: 1 });
    servers.push(server);
    const w = await createWorkshop(server.url, 'EDW', 'cedw');
    const observer = await connectSynced(server.url, w.id, w.tokens.projector);
    const host = await connectSynced(server.url, w.id, w.tokens.facilitator);
    clients.push(observer, host);
    const tyrol = addRegion(host.doc, { name: 'Tyrol', country: 'AT', nuts: 'AT33' });
    const slovenia = addRegion(host.doc, { name: 'Western Slovenia', country: 'SI', nuts: 'SI04' });
    await waitFor(() => observer.doc.getArray('regions').length === 2, 'regions to sync');

    const anna = await joinAs(server.url, w, { name: 'Anna', helix: 'research', regionId: tyrol });
    const ben = await joinAs(server.url, w, { name: 'Ben', helix: 'business', regionId: slovenia });
    const facilitator = await connect(server.url, w.id, w.tokens.facilitator);
    let annaP = await connect(server.url, w.id, anna.identityToken);
    const benP = await connect(server.url, w.id, ben.identityToken);
    const anonymous = await connect(server.url, w.id, w.tokens.participant);

    const opened = await command(facilitator, {
      type: 'vote:open',
      title: 'Which activities first?',
      cardIds: ['act-1', 'act-2', 'act-3'],
      budget: 3,
      maxPerCard: 2,
    });
    if (!opened.ok) throw new Error(opened.error);
    const voteId = opened.value.state.vote!.id;

    expect(await command(annaP, { type: 'vote:reveal' })).toMatchObject({ ok: false });
    expect(await cast(anonymous, voteId, 'act-1')).toEqual({
      ok: false,
      error: 'join as a person to vote',
    });
    expect((await cast(annaP, voteId, 'act-1')).ok).toBe(true);
    const annaBallot = await cast(annaP, voteId, 'act-1');
    expect(annaBallot).toEqual({
      ok: true,
      value: { voteId, allocation: { 'act-1': 2 }, remaining: 1 },
    });
    expect(await cast(annaP, voteId, 'act-1')).toEqual({
      ok: false,
      error: 'at most 2 dots per card',
    });
    expect((await cast(benP, voteId, 'act-2')).ok).toBe(true);
    expect((await cast(benP, voteId, 'act-1')).ok).toBe(true);

    // Nothing anyone received so far carries a ballot, a count or a total (acks go to the sender only).
    for (const person of [facilitator, annaP, benP, anonymous]) {
      const everything = JSON.stringify(person.seen);
      for (const secret of ['"allocation":', '"remaining":', '"total":', '"byHelix":']) {
        expect(everything).not.toContain(secret);
      }
    }
    expect(listVoteResults(observer.doc)).toEqual([]);
    expect(JSON.stringify(observer.doc.toJSON())).not.toContain('act-1');

    // Ballots survive a restart: Anna still sees her own dots.
    for (const s of sockets.splice(0)) s.disconnect();
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    servers.length = 0;
    server = await startTestServer({ dataDir, voteSplitMinVoters: 1 });
    servers.push(server);
    annaP = await connect(server.url, w.id, anna.identityToken);
    const mine = await annaP.socket.timeout(5000).emitWithAck('vote:mine', {});
    expect(mine).toEqual({ ok: true, value: { voteId, allocation: { 'act-1': 2 }, remaining: 1 } });

    const reader = await connectSynced(server.url, w.id, w.tokens.participant);
    clients.push(reader);
    const host2 = await connect(server.url, w.id, w.tokens.facilitator);
    expect((await command(host2, { type: 'vote:close' })).ok).toBe(true);
    expect(await cast(annaP, voteId, 'act-3')).toEqual({ ok: false, error: 'the vote is closed' });
    expect((await command(host2, { type: 'vote:reveal' })).ok).toBe(true);

    await waitFor(() => listVoteResults(reader.doc).length === 1, 'the results to reach the doc');
    const [result] = listVoteResults(reader.doc);
    expect(result).toMatchObject({
      voteId,
      title: 'Which activities first?',
      voters: 2,
      budget: 3,
      splitMinVoters: 1,
    });
    expect(result!.cards).toEqual([
      {
        cardId: 'act-1',
        total: 3,
        byHelix: { research: 2, business: 1 },
        byRegion: { [tyrol]: 2, [slovenia]: 1 },
        rank: 1,
      },
      { cardId: 'act-2', total: 1, byHelix: { business: 1 }, byRegion: { [slovenia]: 1 }, rank: 2 },
      { cardId: 'act-3', total: 0, byHelix: {}, byRegion: {}, rank: 3 },
    ]);
    // The results are stored with the doc: a fresh client after another restart still has them.
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(reader.doc));
    expect(listVoteResults(fresh)).toHaveLength(1);
  });

  it('reveals no split for a one-voter region: not to any socket, not in the record', async () => {
    const server = await startTestServer();
    servers.push(server);
    const w = await createWorkshop(server.url, 'Three regions', 'cedw');
    const host = await connectSynced(server.url, w.id, w.tokens.facilitator);
    clients.push(host);
    const tyrol = addRegion(host.doc, { name: 'Tyrol', country: 'AT', nuts: 'AT33' });
    const carinthia = addRegion(host.doc, { name: 'Carinthia', country: 'AT', nuts: 'AT21' });
    const slovenia = addRegion(host.doc, { name: 'Western Slovenia', country: 'SI', nuts: 'SI04' });
    const reader = await connectSynced(server.url, w.id, w.tokens.participant);
    clients.push(reader);
    await waitFor(() => reader.doc.getArray('regions').length === 3, 'regions to sync');

    // Three people from Tyrol, three from Carinthia, one from Western Slovenia.
    const room = [
      { name: 'T1', helix: 'business', regionId: tyrol },
      { name: 'T2', helix: 'business', regionId: tyrol },
      { name: 'T3', helix: 'research', regionId: tyrol },
      { name: 'C1', helix: 'research', regionId: carinthia },
      { name: 'C2', helix: 'research', regionId: carinthia },
      { name: 'C3', helix: 'business', regionId: carinthia },
      { name: 'Sonja', helix: 'government', regionId: slovenia },
    ];
    const people: Person[] = [];
    for (const body of room) {
      const joined = await joinAs(server.url, w, body);
      people.push(await connect(server.url, w.id, joined.identityToken));
    }
    const facilitator = await connect(server.url, w.id, w.tokens.facilitator);
    const opened = await command(facilitator, {
      type: 'vote:open',
      title: 'Which first?',
      cardIds: ['act-1', 'act-2', 'act-3'],
      budget: 3,
      maxPerCard: 3,
    });
    if (!opened.ok) throw new Error(opened.error);
    const voteId = opened.value.state.vote!.id;
    // Sonja puts all three dots on act-3, which nobody else chooses.
    for (let i = 0; i < 3; i++) expect((await cast(people[6]!, voteId, 'act-3')).ok).toBe(true);
    for (const [i, person] of people.slice(0, 6).entries()) {
      expect((await cast(person, voteId, i % 2 === 0 ? 'act-1' : 'act-2')).ok).toBe(true);
    }
    expect((await command(facilitator, { type: 'vote:close' })).ok).toBe(true);
    expect((await command(facilitator, { type: 'vote:reveal' })).ok).toBe(true);
    await waitFor(() => listVoteResults(reader.doc).length === 1, 'the results to reach the doc');

    // What a participant's sync socket received: the result, with no split of its own for
    // Western Slovenia (or for the government helix, one voter too).
    const [result] = listVoteResults(reader.doc);
    expect(result).toMatchObject({ voters: 7, splitMinVoters: 3 });
    const act3 = result!.cards.find((c) => c.cardId === 'act-3')!;
    expect(act3.total).toBe(3);
    for (const card of result!.cards) {
      expect(Object.keys(card.byRegion)).not.toContain(slovenia);
      expect(Object.keys(card.byHelix)).not.toContain('government');
      for (const tally of [card.byRegion, card.byHelix]) {
        // No key but "other" shows act-3's dots: they are Sonja's alone.
        for (const [key, dots] of Object.entries(tally)) {
          if (card.cardId === 'act-3') expect(key).toBe('other');
          expect(dots).toBeGreaterThan(0);
        }
      }
    }
    expect(JSON.stringify(reader.doc.getMap('voteResults').toJSON())).not.toContain(slovenia);
    // Nor did anything on the control plane carry a split.
    for (const person of [...people, facilitator]) {
      expect(JSON.stringify(person.seen)).not.toContain('"byRegion"');
    }

    // The record holds the same, and says which threshold its splits were made with.
    const snap = await fetch(`${server.url}/api/workshops/${w.id}/snapshot`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${w.tokens.facilitator}`,
      },
      body: '{}',
    });
    expect(snap.status).toBe(201);
    const res = await fetch(`${server.url}/api/workshops/${w.id}/record`, {
      headers: { authorization: `Bearer ${w.tokens.participant}` },
    });
    const record = (await res.json()) as WorkshopRecord;
    expect(record.votes).toHaveLength(1);
    expect(record.votes[0]).toMatchObject({ voters: 7, splitMinVoters: 3 });
    expect(JSON.stringify(record.votes)).not.toContain(slovenia);
    expect(JSON.stringify(record.votes)).not.toContain('government');
    const recorded = record.votes[0]!.cards.find((c) => c.cardId === 'act-3')!;
    expect(recorded).toMatchObject({ total: 3 });
    for (const key of Object.keys({ ...recorded.byRegion, ...recorded.byHelix })) {
      expect(key).toBe('other');
    }
  });
});
