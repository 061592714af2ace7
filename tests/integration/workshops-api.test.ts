/** The REST API: creating workshops, reading a session, links, health; every bad input gets a 400. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { ApiError, CreateWorkshopResponse } from '../../shared/domain/workshop';
import { createWorkshop, startTestServer, tempDataDir } from '../support/server';

const servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function server(dataDir = tempDataDir()) {
  const s = await startTestServer({ dataDir });
  servers.push(s);
  return s;
}

const post = (url: string, body: string, type = 'application/json') =>
  fetch(`${url}/api/workshops`, { method: 'POST', headers: { 'content-type': type }, body });

describe('POST /api/workshops', () => {
  it('creates a workshop with links and tokens for the three roles', async () => {
    const s = await server();
    const res = await post(s.url, JSON.stringify({ title: '  Alpine EDW  ', template: 'edw' }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as CreateWorkshopResponse;
    expect(body).toMatchObject({ title: 'Alpine EDW', template: 'edw' });
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{22}$/); // 128 random bits
    const tokens = Object.values(body.tokens) as string[];
    expect(new Set(tokens).size).toBe(3);
    for (const token of tokens) expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits
    for (const role of ['facilitator', 'participant', 'projector'] as const) {
      expect(body.links[role]).toBe(`${s.url}/w/${body.id}#token=${body.tokens[role]}`);
    }
  });

  it('stores tokens only as hashes', async () => {
    const dataDir = tempDataDir();
    const s = await server(dataDir);
    const w = await createWorkshop(s.url);
    await s.close();
    servers.length = 0;
    const files = fs.readdirSync(dataDir).map((f) => fs.readFileSync(path.join(dataDir, f)));
    const all = Buffer.concat(files).toString('latin1');
    expect(all).toContain(w.id);
    for (const token of Object.values(w.tokens)) expect(all).not.toContain(token);
  });

  it.each([
    ['a missing title', { template: 'edw' }, 'title'],
    ['an empty title', { title: '   ', template: 'edw' }, 'title'],
    ['a title that is not a string', { title: 42, template: 'edw' }, 'title'],
    ['an overlong title', { title: 'x'.repeat(201), template: 'edw' }, 'title'],
    ['an unknown template', { title: 'EDW', template: 'hackathon' }, 'template'],
    ['a missing template', { title: 'EDW' }, 'template'],
  ])('answers 400 naming the field for %s', async (_label, body, field) => {
    const s = await server();
    const res = await post(s.url, JSON.stringify(body));
    expect(res.status).toBe(400);
    const error = (await res.json()) as ApiError;
    expect(error.field).toBe(field);
    expect(error.error).toMatch(new RegExp(field));
  });

  it.each([
    ['invalid JSON', '{"title": ', 'application/json'],
    ['a JSON array', '[1,2]', 'application/json'],
    [
      'a body over 64 KiB',
      JSON.stringify({ title: 'x'.repeat(70_000), template: 'edw' }),
      'application/json',
    ],
    ['no JSON content type', 'title=x', 'text/plain'],
  ])('answers 400 with a JSON error for %s', async (_label, body, type) => {
    const s = await server();
    const res = await post(s.url, body, type);
    expect([400, 413]).toContain(res.status);
    expect(typeof ((await res.json()) as ApiError).error).toBe('string');
  });
});

describe('GET /api/workshops/:id and /links', () => {
  it('tells each token holder its role, and only facilitators the links', async () => {
    const s = await server();
    const w = await createWorkshop(s.url, 'cEDW Alps', 'cedw');
    for (const role of ['facilitator', 'participant', 'projector'] as const) {
      const res = await fetch(`${s.url}/api/workshops/${w.id}`, {
        headers: { authorization: `Bearer ${w.tokens[role]}` },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        id: w.id,
        title: 'cEDW Alps',
        template: 'cedw',
        role,
      });
      const links = await fetch(`${s.url}/api/workshops/${w.id}/links`, {
        headers: { authorization: `Bearer ${w.tokens[role]}` },
      });
      expect(links.status).toBe(role === 'facilitator' ? 200 : 403);
      if (role === 'facilitator')
        expect(await links.json()).toEqual({ links: w.links, tokens: w.tokens });
    }
  });

  it('answers 401 without or with a wrong token, 404 for an unknown workshop, 400 for a malformed id', async () => {
    const s = await server();
    const w = await createWorkshop(s.url);
    expect((await fetch(`${s.url}/api/workshops/${w.id}`)).status).toBe(401);
    const wrong = await fetch(`${s.url}/api/workshops/${w.id}`, {
      headers: { authorization: `Bearer ${'z'.repeat(43)}` },
    });
    expect(wrong.status).toBe(401);
    const bad = await fetch(`${s.url}/api/workshops/not-an-id`, {
      headers: { authorization: `Bearer ${w.tokens.facilitator}` },
    });
    expect(bad.status).toBe(400);
    expect((await fetch(`${s.url}/api/nothing-here`)).status).toBe(404);
    const unknown = await fetch(`${s.url}/api/workshops/${'A'.repeat(22)}`, {
      headers: { authorization: `Bearer ${w.tokens.facilitator}` },
    });
    expect(unknown.status).toBe(404);
  });

  it('answers 400 with a JSON error for a path that is not valid percent-encoding (found by the fuzz)', async () => {
    const s = await server();
    const w = await createWorkshop(s.url);
    for (const path of [
      '/api/workshops/%ZZ',
      '/api/workshops/%E0%A4%A/links',
      '/api/workshops/%/me',
    ]) {
      const res = await fetch(`${s.url}${path}`, {
        headers: { authorization: `Bearer ${w.tokens.facilitator}` },
      });
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as ApiError).error).toBe('the URL is not valid percent-encoding');
    }
  });
});

describe('GET /readyz', () => {
  it('is 200 while the database is writable and 503 once it is not (/healthz, liveness, stays 200)', async () => {
    const s = await server();
    const ok = await fetch(`${s.url}/readyz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true });
    await s.storage.close();
    const down = await fetch(`${s.url}/readyz`);
    expect(down.status).toBe(503);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });
});
