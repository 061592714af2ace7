/**
 * Breakout groups over the real control plane: real socket.io clients (the facilitator, people who
 * joined, the wall) against the real server and SQLite. Only facilitators run breakouts; every
 * accepted command reaches everyone; the groups survive a restart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { RunningServer } from '../../server/app';
import { groupOf } from '../../shared/control/breakouts';
import type { ControlStateEvent } from '../../shared/control/events';
import type { ControlState } from '../../shared/control/state';
import { timerRemainingMs } from '../../shared/control/state';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import {
  command,
  commandOk,
  connectControl,
  joinAs,
  type ControlClient,
} from '../support/controlClients';
import { createWorkshop, startTestServer, tempDataDir, waitFor } from '../support/server';

const servers: RunningServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  for (const s of servers.splice(0)) await s.close();
});

/** The last control state a client received. */
function latest(client: ControlClient): ControlState {
  const event = client.seen.filter((e) => e.event === 'control:state').at(-1);
  return (event!.args[0] as ControlStateEvent).state;
}

async function until(client: ControlClient, version: number, who: string) {
  await waitFor(() => latest(client).version >= version, `${who} to reach version ${version}`);
  return latest(client);
}

async function setup(dataDir = tempDataDir()) {
  const server = await startTestServer({ dataDir });
  servers.push(server);
  const w = await createWorkshop(server.url, 'Alpine EDW', 'edw');
  return { server, w, dataDir };
}

async function joinTwo(url: string, w: CreateWorkshopResponse) {
  const ana = await joinAs(url, w, { name: 'Ana', helix: 'business' });
  const ben = await joinAs(url, w, { name: 'Ben', helix: 'research' });
  return { ana, ben };
}

function startCommand(anaId: string, benId: string) {
  return {
    type: 'breakout:start',
    groups: [
      {
        id: 'g1',
        name: 'Digital tourism',
        memberIds: [anaId],
        board: 'activity-canvas',
        cardId: 'act-1',
      },
      {
        id: 'g2',
        name: 'Green mobility',
        memberIds: [benId],
        board: 'activity-canvas',
        cardId: 'act-2',
      },
    ],
    durationMs: 15 * 60_000,
  };
}

describe('breakout groups on the control plane', () => {
  it("refuses a participant's breakout commands, and the wall's, and changes nothing", async () => {
    const { server, w } = await setup();
    const { ana, ben } = await joinTwo(server.url, w);
    const participant = await connectControl(server.url, w.id, ana.identityToken, sockets);
    const wall = await connectControl(server.url, w.id, w.tokens.projector, sockets);
    const linkParticipant = await connectControl(server.url, w.id, w.tokens.participant, sockets);
    for (const client of [participant, wall, linkParticipant]) {
      for (const c of [
        startCommand(ana.identityId, ben.identityId),
        { type: 'breakout:timer', groupId: null, timer: { action: 'pause' } },
        { type: 'breakout:assign', identityId: ana.identityId, groupId: 'g2' },
        { type: 'breakout:end' },
        { type: 'breakout:clear' },
      ]) {
        expect(await command(client, c)).toEqual({
          ok: false,
          error: 'only facilitators can run the workshop',
        });
      }
    }
    const facilitator = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    expect(latest(facilitator).version).toBe(0);
    expect(latest(facilitator).breakouts).toBeNull();
  });

  it('acknowledges an invalid or impossible breakout command with an error', async () => {
    const { server, w } = await setup();
    const facilitator = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    const bad = await command(facilitator, { type: 'breakout:start', groups: [] });
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid command/) });
    const twice = startCommand('same', 'same');
    expect(await command(facilitator, twice)).toEqual({
      ok: false,
      error: 'a person can be in one group only',
    });
    expect(await command(facilitator, { type: 'breakout:end' })).toEqual({
      ok: false,
      error: 'no breakout groups are running',
    });
    expect(latest(facilitator).version).toBe(0);
  });

  it('broadcasts start, group timers, moves, end and clear to everyone', async () => {
    const { server, w } = await setup();
    const { ana, ben } = await joinTwo(server.url, w);
    const facilitator = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    const anaClient = await connectControl(server.url, w.id, ana.identityToken, sockets);
    const benClient = await connectControl(server.url, w.id, ben.identityToken, sockets);
    const wall = await connectControl(server.url, w.id, w.tokens.projector, sockets);
    const everyone = { ana: anaClient, ben: benClient, wall };

    const started = await commandOk(facilitator, startCommand(ana.identityId, ben.identityId));
    for (const [who, client] of Object.entries(everyone)) {
      const s = await until(client, started.version, who);
      expect(s.breakouts?.status, who).toBe('running');
    }
    expect(groupOf(latest(anaClient).breakouts, ana.identityId)?.name).toBe('Digital tourism');
    expect(groupOf(latest(benClient).breakouts, ben.identityId)?.name).toBe('Green mobility');

    // One group's timer paused, the other extended: each group sees its own.
    await commandOk(facilitator, {
      type: 'breakout:timer',
      groupId: 'g1',
      timer: { action: 'pause' },
    });
    const extended = await commandOk(facilitator, {
      type: 'breakout:timer',
      groupId: 'g2',
      timer: { action: 'extend', ms: 5 * 60_000 },
    });
    const seenByBen = await until(benClient, extended.version, 'ben');
    const [g1, g2] = seenByBen.breakouts!.groups;
    expect(g1!.timer.status).toBe('paused');
    expect(g2!.timer.status).toBe('running');
    expect(g2!.timer.durationMs).toBe(20 * 60_000);
    // Ben's group now ends 20 minutes after the start; Ana's keeps what was left when paused.
    expect(g2!.timer.endsAt! - seenByBen.breakouts!.startedAt).toBe(20 * 60_000);
    const anaLeft = timerRemainingMs(g1!.timer, Number.MAX_SAFE_INTEGER);
    expect(anaLeft).toBeLessThanOrEqual(15 * 60_000);
    expect(anaLeft).toBeGreaterThan(14 * 60_000);

    // Ben moves to Ana's group.
    const moved = await commandOk(facilitator, {
      type: 'breakout:assign',
      identityId: ben.identityId,
      groupId: 'g1',
    });
    const seenByAna = await until(anaClient, moved.version, 'ana');
    expect(seenByAna.breakouts!.groups.map((g) => g.memberIds)).toEqual([
      [ana.identityId, ben.identityId],
      [],
    ]);
    expect(groupOf(seenByAna.breakouts, ben.identityId)?.id).toBe('g1');

    const ended = await commandOk(facilitator, { type: 'breakout:end' });
    for (const [who, client] of Object.entries(everyone)) {
      const s = await until(client, ended.version, who);
      expect(s.breakouts?.status, who).toBe('ended');
      expect(s.breakouts?.groups, who).toHaveLength(2); // kept for the plenary roll-up
    }
    const cleared = await commandOk(facilitator, { type: 'breakout:clear' });
    for (const [who, client] of Object.entries(everyone)) {
      expect((await until(client, cleared.version, who)).breakouts, who).toBeNull();
    }
  });

  it('lets a participant promoted to co-facilitator run breakouts', async () => {
    const { server, w } = await setup();
    const { ana, ben } = await joinTwo(server.url, w);
    const facilitator = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    const anaClient = await connectControl(server.url, w.id, ana.identityToken, sockets);
    const start = startCommand(ana.identityId, ben.identityId);
    expect(await command(anaClient, start)).toMatchObject({ ok: false });
    const promoted = await facilitator.socket
      .timeout(5000)
      .emitWithAck('people:command', { type: 'participant:promote', identityId: ana.identityId });
    expect(promoted).toMatchObject({ ok: true });
    await waitFor(() => anaClient.seen.some((e) => e.event === 'session'), 'the new role');
    expect(await command(anaClient, start)).toMatchObject({ ok: true });
  });
});

describe('persistence', () => {
  it('keeps running groups, their members and timers across a server restart', async () => {
    const { server, w, dataDir } = await setup();
    const { ana, ben } = await joinTwo(server.url, w);
    const facilitator = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    await commandOk(facilitator, startCommand(ana.identityId, ben.identityId));
    await commandOk(facilitator, {
      type: 'breakout:timer',
      groupId: 'g2',
      timer: { action: 'pause' },
    });
    const before = await commandOk(facilitator, {
      type: 'breakout:assign',
      identityId: ana.identityId,
      groupId: 'g2',
    });
    for (const s of sockets.splice(0)) s.disconnect();
    await server.close();
    servers.length = 0;

    const restarted = await startTestServer({ dataDir });
    servers.push(restarted);
    const anaAgain = await connectControl(restarted.url, w.id, ana.identityToken, sockets);
    expect(latest(anaAgain)).toEqual(before);
    expect(groupOf(latest(anaAgain).breakouts, ana.identityId)?.name).toBe('Green mobility');
    // And the restarted server goes on from there.
    const facilitatorAgain = await connectControl(
      restarted.url,
      w.id,
      w.tokens.facilitator,
      sockets,
    );
    const ended = await commandOk(facilitatorAgain, { type: 'breakout:end' });
    expect(ended.breakouts?.status).toBe('ended');
    expect(ended.version).toBe(before.version + 1);
  });
});
