/**
 * npm run bench:hostile
 *
 * Issue 9's attacks, run against our server as it ships (a fresh child process with the default
 * limits; no test config), with stock y-websocket clients and raw sockets; prints one line per
 * figure. Takes about a minute. Loopback only; every loop is bounded in count and time.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createCard, listCards } from '../shared/doc';
import type { CreateWorkshopResponse } from '../shared/domain/workshop';
import {
  awarenessMessage,
  connectClient,
  connectSynced,
  rawSocket,
  replicaOf,
  syncUpdateMessage,
  type RawSocket,
  type TestClient,
} from '../tests/support/clients';
import { startChildServer } from '../tests/support/childServer';
import { waitFor, wsBase } from '../tests/support/server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function post(url: string, body: object, token?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

async function newWorkshop(url: string): Promise<CreateWorkshopResponse> {
  const res = await post(`${url}/api/workshops`, { title: 'Hostile', template: 'edw' });
  if (res.status !== 201) throw new Error(`create: ${res.status}`);
  return (await res.json()) as CreateWorkshopResponse;
}

/** Milliseconds /healthz took (Infinity past 5 s: a frozen process). */
async function health(url: string): Promise<number> {
  const start = performance.now();
  try {
    await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5000) });
    return performance.now() - start;
  } catch {
    return Infinity;
  }
}

function report(label: string, value: string): void {
  console.log(`${label.padEnd(58)} ${value}`);
}

/** Time each client spent not connected, over the window. */
function offlineMeter(clients: TestClient[]) {
  const downSince = new Map<TestClient, number>();
  const total = new Map<TestClient, number>(clients.map((c) => [c, 0]));
  for (const c of clients) {
    c.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') {
        const since = downSince.get(c);
        if (since !== undefined) total.set(c, total.get(c)! + performance.now() - since);
        downSince.delete(c);
      } else if (!downSince.has(c)) downSince.set(c, performance.now());
    });
  }
  return () => {
    const now = performance.now();
    return Math.max(
      ...clients.map((c) => total.get(c)! + (downSince.has(c) ? now - downSince.get(c)! : 0)),
    );
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'transforma-hostile-'));
  const server = await startChildServer({ DATA_DIR: dataDir });
  const { url } = server;
  const pid = server.process.pid;
  const raws: RawSocket[] = [];
  const clients: TestClient[] = [];
  const open = async (workshopId: string, token: string) => {
    const raw = rawSocket(`${wsBase(url)}/${workshopId}?token=${token}`);
    raws.push(raw);
    await raw.opened.catch(() => undefined);
    return raw;
  };
  try {
    // 8. A lone stock client, watched for the whole run (it runs beside the rest).
    const lonely = await newWorkshop(url);
    const alone = connectClient(url, lonely.id, lonely.tokens.participant);
    clients.push(alone);
    await waitFor(() => alone.provider.synced, 'the lone client');
    let drops = 0;
    alone.provider.on('status', ({ status }: { status: string }) => {
      if (status !== 'connected') drops++;
    });
    const loneSince = performance.now();

    // 1 + 2. Malformed updates (a valid one and a broken one per write) against five editors.
    const w = await newWorkshop(url);
    const honest = await Promise.all(
      [0, 1, 2, 3, 4].map(() => connectSynced(url, w.id, w.tokens.participant)),
    );
    clients.push(...honest);
    const offline = offlineMeter(honest);
    const replica = replicaOf(honest[0]!.doc);
    let worstHealth = 0;
    let edits = 0;
    const attackEnd = performance.now() + 10_000;
    let attacks = 0;
    while (performance.now() < attackEnd) {
      const bad = await open(w.id, w.tokens.participant);
      bad.socket.send(syncUpdateMessage(replica.edit((d) => createCard(d, { title: 'ok' }))));
      const broken = replica.edit((d) => createCard(d, { title: 'broken' }));
      bad.socket.send(syncUpdateMessage(broken.slice(0, -1)));
      attacks++;
      if (attacks % 2 === 0) {
        createCard(honest[edits % 5]!.doc, { title: `honest ${edits}` });
        edits++;
      }
      worstHealth = Math.max(worstHealth, await health(url));
      await sleep(100);
    }
    await sleep(500);
    const delivered = honest.map(
      (c) => listCards(c.doc).filter((card) => card.title.startsWith('honest')).length,
    );
    report('malformed updates sent (valid + broken in one write)', `${attacks} in 10 s`);
    report('honest editors: worst time offline', `${Math.round(offline())} ms of 10,000`);
    report('honest edits delivered to every editor', `${Math.min(...delivered)} of ${edits}`);
    report('/healthz: slowest answer during the attack', `${Math.round(worstHealth)} ms`);

    // 5. Document growth in 1 MiB messages.
    const grow = await newWorkshop(url);
    const growRaw = await open(grow.id, grow.tokens.participant);
    // A replica of an empty doc: its entries need nothing from the server's copy.
    const growth = replicaOf(new Y.Doc());
    let sentMiB = 0;
    let closeCode: number | null = null;
    void growRaw.closed.then(({ code }) => (closeCode = code));
    for (let i = 0; i < 200 && closeCode === null; i++) {
      const update = growth.edit((d) => {
        d.getMap('cards').set(`blob${i}`, 'x'.repeat(1 << 20));
      });
      growRaw.socket.send(syncUpdateMessage(update));
      sentMiB++;
      await sleep(30);
    }
    await sleep(300);
    const rss = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    report(
      'workshop growth: 1 MiB messages accepted before close',
      `${sentMiB - 1} (closed with ${closeCode ?? 'none'})`,
    );
    report('server peak RSS', `${Math.round(Number(rss?.[1] ?? 0) / 1024)} MB`);
    const reader = await connectSynced(url, grow.id, grow.tokens.participant).catch(() => null);
    report('a fresh stock client opens the full workshop', reader ? 'yes' : 'no');
    if (reader) clients.push(reader);

    // Sockets on one workshop.
    const crowd = await newWorkshop(url);
    const crowdSockets = await Promise.all(
      Array.from({ length: 2000 }, () => open(crowd.id, crowd.tokens.participant)),
    );
    await sleep(1000);
    const openCount = crowdSockets.filter((r) => r.socket.readyState === WebSocket.OPEN).length;
    report('sockets kept open of 2,000 to one workshop from one IP', `${openCount}`);
    for (const r of crowdSockets) r.socket.terminate();
    await sleep(500);

    // 6. Presence spoofing and phantom users.
    const room = await newWorkshop(url);
    const victim = await connectSynced(url, room.id, room.tokens.participant);
    const watcher = await connectSynced(url, room.id, room.tokens.participant);
    clients.push(victim, watcher);
    victim.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    await sleep(300);
    const attacker = await open(room.id, room.tokens.participant);
    attacker.socket.send(
      awarenessMessage([
        { clientId: victim.doc.clientID, clock: 10_000, state: { user: { name: 'Spoof' } } },
        ...Array.from({ length: 200 }, (_, i) => ({
          clientId: 800_000 + i,
          clock: 1,
          state: { user: { name: `phantom ${i}` } },
        })),
      ]),
    );
    await sleep(1000);
    const victimName = (victim.provider.awareness.getLocalState() as { user?: { name?: string } })
      ?.user?.name;
    report('spoofed presence: victim’s own name afterwards', `${victimName}`);
    report(
      'phantom users accepted of 200 from one socket',
      `${watcher.provider.awareness.getStates().size - 2}`,
    );

    // Creations and joins.
    let created = 0;
    let refusedCreate = 0;
    for (let i = 0; i < 1000; i++) {
      const res = await post(`${url}/api/workshops`, { title: `w${i}`, template: 'edw' });
      if (res.status === 201) created++;
      else if (res.status === 429) refusedCreate++;
      await res.body?.cancel();
    }
    report(
      'workshop creations accepted of 1,000 (rest 429)',
      `${created} (${refusedCreate} × 429)`,
    );
    let joined = 0;
    let refusedJoin = 0;
    for (let i = 0; i < 500; i++) {
      const res = await post(
        `${url}/api/workshops/${w.id}/join`,
        { name: `p${i}` },
        w.tokens.participant,
      );
      if (res.status === 201) joined++;
      else if (res.status === 429) refusedJoin++;
      await res.body?.cancel();
    }
    report('joins accepted of 500 (rest 429)', `${joined} (${refusedJoin} × 429)`);

    // 8, continued: the lone client, watched for at least 35 s.
    const waitMore = 35_000 - (performance.now() - loneSince);
    if (waitMore > 0) await sleep(waitMore);
    report(
      'lone client: reconnects in 35 s',
      `${drops} (watched ${Math.round((performance.now() - loneSince) / 1000)} s)`,
    );
  } finally {
    for (const c of clients) c.destroy();
    for (const r of raws) r.socket.terminate();
    await server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
