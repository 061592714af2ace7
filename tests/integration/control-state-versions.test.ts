/**
 * Two server processes on one database each run a ControlService (issue 14). A command on one
 * must build on what the other stored, never on its own stale copy, and ballots cast through
 * both must all count: the store compares versions and the service re-reads before it acts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hashToken } from '../../server/auth/tokens';
import { ControlService } from '../../server/control/controlService';
import { createLogger } from '../../server/log';
import { PostgresStorage } from '../../server/storage/postgres/postgresStorage';
import { SqliteStorage } from '../../server/storage/sqlite/sqliteStorage';
import type { Storage } from '../../server/storage/storage';
import { randomId } from '../../shared/ids';
import { createTestSchema, postgresAvailable, type TestSchema } from '../support/postgres';
import { tempDataDir } from '../support/server';

const withPostgres = await postgresAvailable();
const log = createLogger('silent');
const schemas: TestSchema[] = [];
afterAll(async () => {
  for (const schema of schemas) await schema.drop();
});

const databases: [string, boolean, () => Promise<[Storage, Storage]>][] = [
  [
    'sqlite',
    true,
    async () => {
      const dataDir = tempDataDir();
      return [new SqliteStorage({ dataDir }), new SqliteStorage({ dataDir })];
    },
  ],
  [
    'postgres',
    withPostgres,
    async () => {
      const schema = await createTestSchema();
      schemas.push(schema);
      return Promise.all([
        PostgresStorage.open({ url: schema.url, log }),
        PostgresStorage.open({ url: schema.url, log }),
      ]);
    },
  ],
];

async function workshop(storage: Storage): Promise<string> {
  const id = randomId();
  const token = () => hashToken(randomId(32));
  await storage.createWorkshop({
    id,
    title: 'Two processes',
    template: 'edw',
    createdAt: new Date().toISOString(),
    tokenHashes: { facilitator: token(), participant: token(), projector: token() },
    initialState: Y.encodeStateAsUpdate(new Y.Doc()),
  });
  return id;
}

describe.each(databases)('%s: control state across two processes', (_name, ok, open) => {
  it.skipIf(!ok)('a command builds on the state the other process stored', async () => {
    const [a, b] = await open();
    const id = await workshop(a);
    const onA = new ControlService(a, log);
    const onB = new ControlService(b, log);
    await onB.get(id); // B holds a copy from before A's command
    const started = await onA.apply(id, 'facilitator', { type: 'timer:start', durationMs: 60_000 });
    expect(started.ok).toBe(true);
    const locked = await onB.apply(id, 'facilitator', {
      type: 'lock:set',
      target: 'workshop',
      locked: true,
    });
    if (!locked.ok) throw new Error(locked.error);
    expect(locked.value.state.timer.status).toBe('running');
    expect(locked.value.state.locks.workshop).toBe(true);
    const stored = JSON.parse((await a.getControlState(id))!.json) as typeof locked.value.state;
    expect(stored.timer.status).toBe('running');
    expect(stored.locks.workshop).toBe(true);
    await a.close();
    await b.close();
  });

  it.skipIf(!ok)('ballots cast through both processes all count', async () => {
    const [a, b] = await open();
    const id = await workshop(a);
    const onA = new ControlService(a, log);
    const onB = new ControlService(b, log);
    const opened = await onA.apply(id, 'facilitator', { type: 'vote:open', cardIds: ['c1'] });
    if (!opened.ok) throw new Error(opened.error);
    const voteId = opened.value.state.vote!.id;
    const dot = { voteId, cardId: 'c1', delta: 1 };
    // Alternating processes, each holding whatever it read before.
    for (const [service, person] of [
      [onB, 'anna'],
      [onA, 'ben'],
      [onB, 'carla'],
      [onA, 'anna'],
    ] as const) {
      expect(await service.castVote(id, person, dot)).toMatchObject({ ok: true });
    }
    const ballots = JSON.parse((await b.getBallots(id))!.json) as Record<string, unknown>;
    expect(ballots).toEqual({ anna: { c1: 2 }, ben: { c1: 1 }, carla: { c1: 1 } });
    expect(await onA.myBallot(id, 'anna')).toMatchObject({ allocation: { c1: 2 } });
    await a.close();
    await b.close();
  });
});
