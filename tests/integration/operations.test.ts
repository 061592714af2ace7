/**
 * Operations (issue 14): request ids, request logs, liveness vs readiness, the server's own paths,
 * and the generated organiser token, against the real server (in-process, and as a child process
 * where its stdout/stderr are what is tested).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { ServerConfigInput } from '../../server/config';
import { createTestSchema, postgresAvailable, type TestSchema } from '../support/postgres';
import { startTestServer, tempDataDir } from '../support/server';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const withPostgres = await postgresAvailable();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const servers: RunningServer[] = [];
const children: ChildProcess[] = [];
const schemas: TestSchema[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const child of children.splice(0)) child.kill('SIGKILL');
});
afterAll(async () => {
  await Promise.all(schemas.map((s) => s.drop()));
});

async function server(overrides: Partial<ServerConfigInput> = {}): Promise<RunningServer> {
  const s = await startTestServer(overrides);
  servers.push(s);
  return s;
}

/** A stand-in for the built client: the app page and one hashed asset. */
function fakeClientDir(): string {
  const dir = tempDataDir('transforma-client-');
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Transforma app</title>');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("app")');
  return dir;
}

describe('request ids', () => {
  it('gives every answer an X-Request-Id and puts the same id in JSON error bodies', async () => {
    const s = await server();
    const ok = await fetch(`${s.url}/healthz`);
    expect(ok.headers.get('x-request-id')).toMatch(UUID);

    const missing = await fetch(`${s.url}/api/workshops/AAAAAAAAAAAAAAAAAAAAAA`);
    const id = missing.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      error: expect.any(String),
      code: 'missingToken',
      requestId: id,
    });

    const bad = await fetch(`${s.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title": ',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: 'request body is not valid JSON',
      code: 'invalidInput',
      requestId: bad.headers.get('x-request-id'),
    });
    // Two requests, two ids.
    expect(bad.headers.get('x-request-id')).not.toBe(id);
  });

  it("honours the caller's X-Request-Id only when it is a sane short token", async () => {
    const s = await server();
    const sent = async (requestId: string) => {
      const res = await fetch(`${s.url}/api/nope`, { headers: { 'x-request-id': requestId } });
      const body = (await res.json()) as { requestId: string };
      expect(body.requestId).toBe(res.headers.get('x-request-id'));
      return body.requestId;
    };
    expect(await sent('nginx-7f3a9c')).toBe('nginx-7f3a9c');
    expect(await sent('0123456789abcdef0123456789abcdef')).toBe('0123456789abcdef0123456789abcdef');
    for (const insane of ['two words', 'x'.repeat(65), '<script>', 'a\tb', '"quoted"', 'ä']) {
      expect(await sent(insane)).toMatch(UUID);
    }
  });

  it('puts the id in a 429 too', async () => {
    const s = await server({ rateApi: 1 });
    expect((await fetch(`${s.url}/api/nope`)).status).toBe(404);
    const refused = await fetch(`${s.url}/api/nope`, { headers: { 'x-request-id': 'probe-42' } });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({
      retryAfter: expect.any(Number),
      requestId: 'probe-42',
    });
  });
});

describe('liveness and readiness', () => {
  it('/healthz stays 200 while the process serves; /readyz is 503 with the reason once the database fails', async () => {
    const s = await server();
    for (const probe of ['/healthz', '/readyz']) {
      const res = await fetch(`${s.url}${probe}`);
      expect(res.status, probe).toBe(200);
      expect(await res.json()).toEqual({ ok: true });
    }
    await s.storage.close(); // the database goes away under a running process
    const live = await fetch(`${s.url}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ ok: true });
    const ready = await fetch(`${s.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ok: false, error: 'database not writable' });
  });

  it.skipIf(!withPostgres)(
    'on PostgreSQL too: /readyz 503 once the database refuses writes, /healthz 200',
    async () => {
      const schema = await createTestSchema();
      schemas.push(schema);
      const s = await server({ databaseUrl: schema.url });
      expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
      await schema.drop();
      const ready = await fetch(`${s.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ ok: false, error: 'database not writable' });
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    },
  );
});

describe("the server's own paths", () => {
  it('answers unknown paths under /api, /healthz, /readyz, /yjs and /assets with a JSON 404, never the app page', async () => {
    const s = await server({ clientDir: fakeClientDir() });
    // The app page and its files are there...
    for (const page of ['/', '/w/AAAAAAAAAAAAAAAAAAAAAA', '/archive']) {
      const res = await fetch(`${s.url}${page}`);
      expect(res.status, page).toBe(200);
      expect(await res.text()).toContain('Transforma app');
    }
    expect(await (await fetch(`${s.url}/assets/index-abc123.js`)).text()).toContain('app');
    // ...but not for these.
    for (const unknown of [
      '/api',
      '/api/',
      '/api/nope',
      '/API/Nope',
      '/healthz/x',
      '/readyz/deep/x',
      '/yjs',
      '/yjs/AAAAAAAAAAAAAAAAAAAAAA',
      '/assets/index-old999.js',
    ]) {
      const res = await fetch(`${s.url}${unknown}`);
      expect(res.status, unknown).toBe(404);
      expect(res.headers.get('content-type'), unknown).toMatch(/^application\/json/);
      const body = (await res.json()) as { error: string; requestId: string };
      expect(body.error, unknown).toMatch(/^no such endpoint: GET \//);
      expect(body.requestId).toBe(res.headers.get('x-request-id'));
    }
    // A probe answers with a trailing slash or in capitals (Express routes ignore both).
    expect((await fetch(`${s.url}/healthz/`)).status).toBe(200);
    expect((await fetch(`${s.url}/READYZ`)).status).toBe(200);
  });
});

interface Child {
  url: string;
  stdout(): string;
  stderr(): string;
  stop(): Promise<void>;
}

/** The real server as `npm run serve` runs it, stdout (the JSON log) and stderr kept apart. */
async function child(env: Record<string, string>): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      // Whatever the shell running the tests has set: SQLite, one process, a generated token.
      DATABASE_URL: '',
      REDIS_URL: '',
      ORGANISER_TOKEN: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(proc);
  let stdout = '';
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start:\n${stdout}\n${stderr}`)), 20_000);
    proc.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/[\d.:]+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    proc.once('exit', (code) => reject(new Error(`exited ${code}:\n${stdout}\n${stderr}`)));
  });
  return {
    url,
    stdout: () => stdout,
    stderr: () => stderr,
    async stop() {
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  req?: { method: string; url: string; ip: string };
  res?: { statusCode: number };
  responseTime?: number;
}

const INFO = 30;
const WARN = 40;

function logLines(stdout: string): LogLine[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LogLine); // every stdout line is JSON
}

describe('the JSON log of a running server', () => {
  it('shows a generated organiser token once on the console, never in the log', async () => {
    const dataDir = tempDataDir('transforma-ops-');
    const first = await child({ DATA_DIR: dataDir });
    const shown = /Organiser token \(shown only this once[^:]*\): ([A-Za-z0-9_-]{20,})/.exec(
      first.stderr(),
    );
    expect(shown, first.stderr()).not.toBeNull();
    const token = shown![1]!;
    // It is the organiser token...
    const records = await fetch(`${first.url}/api/records`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(records.status).toBe(200);
    const exported = await fetch(`${first.url}/api/records?token=${token}`);
    expect(exported.status).toBe(200);
    await first.stop();
    // ...and the log says it was shown, without it, nor in the lines of the requests that used it.
    expect(first.stdout()).not.toContain(token);
    const lines = logLines(first.stdout());
    expect(lines.some((l) => l.level === WARN && /organiser token.*console/.test(l.msg))).toBe(
      true,
    );
    expect(lines.find((l) => l.req?.url.startsWith('/api/records?token='))?.req?.url).toBe(
      '/api/records?token=[redacted]',
    );

    // Started again on the same data: nothing shown, and the token still opens the records.
    const again = await child({ DATA_DIR: dataDir });
    expect(again.stderr()).not.toContain('Organiser token');
    const still = await fetch(`${again.url}/api/records`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(still.status).toBe(200);
    await again.stop();
  }, 60_000);

  it('logs API requests at info with their id on every line of the request, and keeps probes and static files out', async () => {
    const s = await child({
      DATA_DIR: tempDataDir('transforma-ops-'),
      CLIENT_DIR: fakeClientDir(),
      ORGANISER_TOKEN: 'organiser-token-of-the-operations-test',
      RATE_WORKSHOP_CREATE: '1',
    });
    const created = await fetch(`${s.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'create-1' },
      body: JSON.stringify({ title: 'Logged', template: 'edw' }),
    });
    expect(created.status).toBe(201);
    const { tokens } = (await created.json()) as { tokens: Record<string, string> };
    // One past the limit: a warning logged through the request's logger, then the request line.
    const refused = await fetch(`${s.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'create-2' },
      body: JSON.stringify({ title: 'Refused', template: 'edw' }),
    });
    expect(refused.status).toBe(429);
    const session = await fetch(`${s.url}/api/workshops/AAAAAAAAAAAAAAAAAAAAAA`, {
      headers: { authorization: `Bearer ${tokens.facilitator}`, cookie: 'tf_device=secret' },
    });
    expect(session.status).toBe(404);
    const sessionId = session.headers.get('x-request-id')!;
    for (const quiet of ['/healthz', '/readyz', '/', '/w/abc', '/assets/index-abc123.js']) {
      expect((await fetch(`${s.url}${quiet}`)).status, quiet).toBe(200);
    }
    await s.stop();

    const lines = logLines(s.stdout());
    const requestLines = lines.filter((l) => l.req);
    expect(requestLines.map((l) => `${l.req!.method} ${l.req!.url} ${l.res!.statusCode}`)).toEqual([
      'POST /api/workshops 201',
      'POST /api/workshops 429',
      'GET /api/workshops/AAAAAAAAAAAAAAAAAAAAAA 404',
    ]);
    for (const line of requestLines) {
      expect(line.level).toBe(INFO);
      expect(line.req!.ip).toBe('127.0.0.1');
      expect(line.responseTime).toEqual(expect.any(Number));
    }
    expect(requestLines.map((l) => l.reqId)).toEqual(['create-1', 'create-2', sessionId]);
    // The rate-limit warning is a line of that request: it carries its id.
    const warning = lines.find((l) => l.msg === 'rate limit reached: refusing with 429');
    expect(warning?.reqId).toBe('create-2');
    // No credential reaches the log: not the tokens the API handed out, not the headers sent.
    for (const secret of [
      ...Object.values(tokens),
      'secret',
      'organiser-token-of-the-operations',
    ]) {
      expect(s.stdout()).not.toContain(secret);
    }
  }, 60_000);
});
