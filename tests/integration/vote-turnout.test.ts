/**
 * Vote turnout with real socket.io clients (issue 10, item 13): while a vote runs, everyone in the
 * workshop hears "k of n have voted" — k people with at least one dot, n the participants online
 * plus anyone who voted — and nothing about who gave what. Also (item 14d): an archived workshop
 * refuses to start breakout groups.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { RunningServer } from '../../server/app';
import type { ControlStateEvent } from '../../shared/control/events';
import type { VoteTurnout } from '../../shared/control/votes';
import { createActivity } from '../../shared/doc';
import { connectSynced, type TestClient } from '../support/clients';
import {
  ask,
  command,
  commandOk,
  connectControl,
  joinAs,
  type ControlClient,
} from '../support/controlClients';
import { createWorkshop, startTestServer, waitFor } from '../support/server';

const servers: RunningServer[] = [];
const sockets: Socket[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
});

function turnouts(client: ControlClient): VoteTurnout[] {
  return client.seen.filter((e) => e.event === 'vote:turnout').map((e) => e.args[0] as VoteTurnout);
}

/** Waits until the client's latest turnout is `voted` of `eligible`. */
async function turnoutIs(client: ControlClient, voted: number, eligible: number, what: string) {
  await waitFor(
    () => {
      const last = turnouts(client).at(-1);
      return last?.voted === voted && last.eligible === eligible;
    },
    `${what}: ${voted} of ${eligible} (last: ${JSON.stringify(turnouts(client).at(-1))})`,
  );
}

describe('vote turnout', () => {
  it('counts who has voted, of the participants online, without saying who voted what', async () => {
    const server = await startTestServer();
    servers.push(server);
    const w = await createWorkshop(server.url, 'Turnout', 'cedw');
    const seed = await connectSynced(server.url, w.id, w.tokens.facilitator);
    clients.push(seed);
    const cards = [
      createActivity(seed.doc, { title: 'Digital tourism' }),
      createActivity(seed.doc, { title: 'Health data' }),
    ];

    const facilitator = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    const wall = await connectControl(server.url, w.id, w.tokens.projector, sockets);
    const people = await Promise.all(
      ['Anna', 'Ben', 'Chiara'].map((name) => joinAs(server.url, w, { name })),
    );
    const [anna, ben, chiara] = await Promise.all(
      people.map((p) => connectControl(server.url, w.id, p.identityToken, sockets)),
    );

    const state = await commandOk(facilitator, { type: 'vote:open', cardIds: cards, budget: 3 });
    const voteId = state.vote!.id;
    await turnoutIs(facilitator, 0, 3, 'nobody yet');

    const cast = (who: ControlClient, cardId: string, delta: 1 | -1) =>
      ask(who, 'vote:cast', { voteId, cardId, delta });
    expect(await cast(anna!, cards[0]!, 1)).toMatchObject({ ok: true });
    expect(await cast(anna!, cards[1]!, 1)).toMatchObject({ ok: true });
    await turnoutIs(facilitator, 1, 3, 'Anna voted (two dots: still one person)');
    expect(await cast(ben!, cards[0]!, 1)).toMatchObject({ ok: true });
    await turnoutIs(wall, 2, 3, 'the wall hears it too');

    // Taking every dot back un-counts a person.
    expect(await cast(ben!, cards[0]!, -1)).toMatchObject({ ok: true });
    await turnoutIs(facilitator, 1, 3, 'Ben took his dot back');

    // Someone who leaves without voting is no longer expected; a voter who leaves still counts.
    chiara!.socket.disconnect();
    await turnoutIs(facilitator, 1, 2, 'Chiara left');
    anna!.socket.disconnect();
    await turnoutIs(facilitator, 1, 2, 'Anna left after voting');

    // Counts only: no turnout event names a person or a card.
    for (const client of [facilitator, wall, ben!]) {
      for (const t of turnouts(client))
        expect(Object.keys(t).sort()).toEqual(['eligible', 'voteId', 'voted']);
      const everything = JSON.stringify(turnouts(client));
      for (const id of [...people.map((p) => p.identityId), ...cards]) {
        expect(everything).not.toContain(id);
      }
    }

    // A page opened now hears the turnout at once; after the reveal there is none.
    const late = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    await turnoutIs(late, 1, 2, 'on connect');
    await commandOk(facilitator, { type: 'vote:close' });
    await commandOk(facilitator, { type: 'vote:reveal' });
    const again = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    // Its control state came after the connect-time turnout would have: none was sent.
    await commandOk(facilitator, { type: 'lock:set', target: 'workshop', locked: false });
    await waitFor(() => again.seen.filter((e) => e.event === 'control:state').length === 2, 'lock');
    expect(turnouts(again)).toEqual([]);
  });

  it('refuses to start breakout groups in an archived workshop', async () => {
    const server = await startTestServer();
    servers.push(server);
    const w = await createWorkshop(server.url, 'Archived', 'edw');
    const facilitator = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    const archived = await fetch(`${server.url}/api/workshops/${w.id}/archive`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${w.tokens.facilitator}`,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(archived.status).toBe(201);
    const reply = await command(facilitator, {
      type: 'breakout:start',
      groups: [{ id: 'g1', name: 'Group 1', memberIds: [], board: 'capacity-map' }],
    });
    expect(reply).toEqual({
      ok: false,
      error: 'the workshop is archived: reopen it to make changes',
    });
    const last = facilitator.seen.filter((e) => e.event === 'control:state').at(-1)!;
    expect((last.args[0] as ControlStateEvent).state.breakouts).toBeNull();
  });
});
