/**
 * The facilitation control plane with real socket.io clients against the real server: commands by
 * role, validation, the timer as seen by clients whose clocks are wrong, persistence across a
 * restart, and locks enforced on real y-websocket edits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { RunningServer } from '../../server/app';
import type { ControlStateEvent } from '../../shared/control/events';
import { timerRemainingMs } from '../../shared/control/state';
import { createCapacity, createCard, listCapacities, listCards } from '../../shared/doc';
import type { CreateWorkshopResponse, Role } from '../../shared/domain/workshop';
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

type Reply = { ok: true; value: ControlStateEvent } | { ok: false; error: string };

interface ControlClient {
  socket: Socket;
  states: ControlStateEvent[];
  send(command: unknown): Promise<Reply>;
}

async function controlClient(
  url: string,
  w: CreateWorkshopResponse,
  role: Role,
): Promise<ControlClient> {
  const socket = io(url, {
    auth: { workshopId: w.id, token: w.tokens[role] },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  const states: ControlStateEvent[] = [];
  socket.on('control:state', (event: ControlStateEvent) => states.push(event));
  await waitFor(() => states.length > 0, `${role} to receive the control state`);
  return {
    socket,
    states,
    send: (command) =>
      socket.timeout(5000).emitWithAck('control:command', command) as Promise<Reply>,
  };
}

async function setup(dataDir = tempDataDir()) {
  const server = await startTestServer({ dataDir });
  servers.push(server);
  const w = await createWorkshop(server.url, 'EDW', 'edw');
  return { server, w, dataDir };
}

describe('facilitation commands', () => {
  it('accepts every command from a facilitator and broadcasts each new state to everyone', async () => {
    const { server, w } = await setup();
    const facilitator = await controlClient(server.url, w, 'facilitator');
    const participant = await controlClient(server.url, w, 'participant');
    const wall = await controlClient(server.url, w, 'projector');
    expect(participant.states[0]!.state.agenda.phases).toHaveLength(6);

    const commands = [
      { type: 'phase:start', phaseId: 'map-capacities' },
      { type: 'timer:pause' },
      { type: 'timer:extend', ms: 60_000 },
      { type: 'timer:resume' },
      { type: 'timer:reset' },
      { type: 'timer:start', durationMs: 5 * 60_000 },
      { type: 'lock:set', target: 'opportunity-board', locked: true },
      { type: 'lock:set', target: 'workshop', locked: true },
      { type: 'lock:set', target: 'workshop', locked: false },
      {
        type: 'agenda:set',
        phases: [{ id: 'intro', name: 'Welcome', minutes: 10, board: 'notes' }],
      },
      { type: 'phase:start', phaseId: 'intro', startTimer: false },
      { type: 'phase:end' },
    ];
    for (const command of commands) {
      const reply = await facilitator.send(command);
      expect(reply, JSON.stringify(command)).toMatchObject({ ok: true });
    }
    await waitFor(
      () => wall.states.at(-1)!.state.version === commands.length,
      'the wall to follow',
    );
    const last = participant.states.at(-1)!.state;
    expect(last.version).toBe(commands.length);
    expect(last.agenda.phases.map((p) => p.name)).toEqual(['Welcome']);
    expect(last.locks).toEqual({ workshop: false, boards: ['opportunity-board'] });
    expect(last.agenda.log.map((r) => r.phaseId)).toEqual(['map-capacities', 'intro']);
  });

  it.each([['participant'], ['projector']] as const)(
    'refuses every command from a %s and changes nothing',
    async (role) => {
      const { server, w } = await setup();
      const other = await controlClient(server.url, w, role);
      for (const command of [
        { type: 'phase:start', phaseId: 'map-capacities' },
        { type: 'timer:start', durationMs: 60_000 },
        { type: 'lock:set', target: 'workshop', locked: true },
      ]) {
        expect(await other.send(command)).toEqual({
          ok: false,
          error: 'only facilitators can run the workshop',
        });
      }
      const facilitator = await controlClient(server.url, w, 'facilitator');
      expect(facilitator.states[0]!.state.version).toBe(0);
    },
  );

  it('answers an invalid command with an error and changes nothing', async () => {
    const { server, w } = await setup();
    const facilitator = await controlClient(server.url, w, 'facilitator');
    for (const bad of [
      null,
      'timer:start',
      { type: 'timer:start' },
      { type: 'timer:start', durationMs: -5 },
      { type: 'self-destruct' },
      { type: 'phase:start', phaseId: 'no-such-phase' },
      { type: 'timer:pause' },
      { type: 'agenda:set', phases: [{ id: 'x', name: '', minutes: 0, board: 'kitchen' }] },
    ]) {
      const reply = await facilitator.send(bad);
      expect(reply.ok, JSON.stringify(bad)).toBe(false);
      expect(typeof (reply as { error: string }).error).toBe('string');
    }
    const reply = await facilitator.send({ type: 'timer:start', durationMs: 60_000 });
    expect(reply.ok && reply.value.state.version).toBe(1);
  });
});

describe('the timer', () => {
  it('shows the same remaining time on clients whose clocks are minutes off', async () => {
    const { server, w } = await setup();
    const facilitator = await controlClient(server.url, w, 'facilitator');
    const skews = [-7 * 60_000, 0, 3 * 60_000 + 17_000];
    const viewers = await Promise.all(skews.map(() => controlClient(server.url, w, 'participant')));
    await facilitator.send({ type: 'timer:start', durationMs: 10 * 60_000 });

    // Each client only knows its own (wrong) clock and the serverTime sent with the state.
    const remaining = await Promise.all(
      viewers.map(async (viewer, i) => {
        await waitFor(() => viewer.states.at(-1)!.state.timer.status === 'running', 'timer');
        const event = viewer.states.at(-1)!;
        const localClock = () => Date.now() + skews[i]!;
        const offset = event.serverTime - localClock(); // measured on receipt
        await new Promise((r) => setTimeout(r, 50 * i));
        return timerRemainingMs(event.state.timer, localClock() + offset);
      }),
    );
    const spread = Math.max(...remaining) - Math.min(...remaining);
    expect(spread).toBeLessThan(1000);
    for (const ms of remaining) expect(ms).toBeGreaterThan(9 * 60_000);
  });
});

describe('persistence', () => {
  it('keeps the control state across a server restart', async () => {
    const { server, w, dataDir } = await setup();
    const facilitator = await controlClient(server.url, w, 'facilitator');
    await facilitator.send({ type: 'phase:start', phaseId: 'map-opportunities' });
    await facilitator.send({ type: 'lock:set', target: 'capacity-map', locked: true });
    const before = facilitator.states.at(-1)!.state;
    for (const s of sockets.splice(0)) s.disconnect();
    await server.close();
    servers.length = 0;

    const restarted = await startTestServer({ dataDir });
    servers.push(restarted);
    const again = await controlClient(restarted.url, w, 'participant');
    expect(again.states[0]!.state).toEqual(before);
  });
});

describe('locks', () => {
  it('refuses participant edits to a locked board, and only to it, until unlocked', async () => {
    const { server, w } = await setup();
    const facilitator = await controlClient(server.url, w, 'facilitator');
    const participant = await connectSynced(server.url, w.id, w.tokens.participant);
    const host = await connectSynced(server.url, w.id, w.tokens.facilitator);
    clients.push(participant, host);

    await facilitator.send({ type: 'lock:set', target: 'capacity-map', locked: true });
    createCapacity(participant.doc, { title: 'written while locked' });
    await waitFor(() => participant.closeCodes.includes(4423), 'the locked close code');

    // The facilitator may still edit the locked board; the participant may edit other boards.
    createCapacity(host.doc, { title: 'facilitator note' });
    const notes = await connectSynced(server.url, w.id, w.tokens.participant);
    clients.push(notes);
    createCard(notes.doc, { title: 'a note on an open board' });
    await waitFor(() => listCards(host.doc, 'board').length === 1, 'the note to arrive');
    await new Promise((r) => setTimeout(r, 200));
    expect(listCapacities(host.doc).map((c) => c.title)).toEqual(['facilitator note']);

    await facilitator.send({ type: 'lock:set', target: 'capacity-map', locked: false });
    const fresh = await connectSynced(server.url, w.id, w.tokens.participant);
    clients.push(fresh);
    createCapacity(fresh.doc, { title: 'after unlocking' });
    await waitFor(
      () => listCapacities(host.doc).some((c) => c.title === 'after unlocking'),
      'edits to be accepted again',
    );
  });

  it('refuses every participant edit while the whole workshop is locked', async () => {
    const { server, w } = await setup();
    const facilitator = await controlClient(server.url, w, 'facilitator');
    const participant = await connectSynced(server.url, w.id, w.tokens.participant);
    clients.push(participant);
    await facilitator.send({ type: 'lock:set', target: 'workshop', locked: true });
    createCard(participant.doc, { title: 'locked out' });
    await waitFor(() => participant.closeCodes.includes(4423), 'the locked close code');
  });
});
