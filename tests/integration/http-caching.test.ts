import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { startTestServer, tempDataDir } from '../support/server';

/** A built client as Vite lays it out: the page, hashed assets, an unhashed file beside them. */
function fakeClientDir(): string {
  const dir = tempDataDir('transforma-client-');
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>Transforma app</title>`);
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(
    path.join(dir, 'assets', 'index-abc123.js'),
    'console.log("app");\n'.repeat(200),
  );
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // The service worker and the web app manifest keep their names across builds (vite.config.ts).
  fs.writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});\n');
  fs.writeFileSync(path.join(dir, 'manifest.webmanifest'), '{"name":"Transforma"}');
  return dir;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET that shows the wire: fetch would decompress and hide the encoding. */
function get(url: string, acceptEncoding = 'br, gzip'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

let s: RunningServer;
beforeAll(async () => {
  s = await startTestServer({ clientDir: fakeClientDir() });
});
afterAll(() => s.close());

describe('first load over HTTP', () => {
  it('compresses text answers for browsers that take brotli or gzip, and not for others', async () => {
    const br = await get(`${s.url}/assets/index-abc123.js`);
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).toString()).toContain('console.log("app")');

    const gzip = await get(`${s.url}/assets/index-abc123.js`, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).toString()).toContain('console.log("app")');

    const plain = await get(`${s.url}/assets/index-abc123.js`, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toContain('console.log("app")');
  });

  it('caches hashed assets for a year, and has the page and unhashed files revalidated', async () => {
    const asset = await get(`${s.url}/assets/index-abc123.js`);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const page of ['/', '/w/AAAAAAAAAAAAAAAAAAAAAA', '/favicon.svg']) {
      const res = await get(`${s.url}${page}`);
      expect(res.status, page).toBe(200);
      expect(res.headers['cache-control'], page).toBe('no-cache');
    }
  });

  it('has the service worker and the manifest revalidated, so a new deploy is seen at once', async () => {
    // A cached sw.js would keep every browser on the old version until it expired.
    const sw = await get(`${s.url}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(sw.headers['cache-control']).toBe('no-cache');
    const manifest = await get(`${s.url}/manifest.webmanifest`);
    expect(manifest.status).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers['cache-control']).toBe('no-cache');
  });
});
