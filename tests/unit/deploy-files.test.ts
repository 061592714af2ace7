/**
 * The deployment files (issue 14) cannot be run here (no Docker), so they are read: compose.yaml's
 * app services set only variables the server reads (server/config.ts ENV_KEYS), with values the
 * server accepts, and both have DATABASE_URL and REDIS_URL; the Dockerfile's ENV likewise; nginx
 * proxies to every app service with the WebSocket upgrade headers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENV_KEYS, loadConfig } from '../../server/config';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

interface ComposeService {
  build?: unknown;
  image?: string;
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: Record<string, unknown> | string[];
}

const compose = parse(read('compose.yaml'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const SERVER_READS = new Set(Object.values(ENV_KEYS));
/** The services that run the Transforma image (built from this repository). */
const appServices = Object.entries(compose.services).filter(([, s]) => s.build !== undefined);

/** A service's environment as a map (compose allows a map or a list of NAME=value). */
function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  const entries = Array.isArray(env)
    ? env.map((line) => {
        const eq = line.indexOf('=');
        return [line.slice(0, eq), line.slice(eq + 1)] as const;
      })
    : Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)] as const);
  return Object.fromEntries(entries);
}

/**
 * Compose's interpolation with what an operator would put in .env: `${NAME:?message}` (required)
 * gets a sample value, `${NAME:-default}` its default.
 */
const SAMPLE_SECRETS: Record<string, string> = {
  POSTGRES_PASSWORD: '3f1c0a9be2d447c1a0f9',
  ORGANISER_TOKEN: 'a3d5e7f9b1c3d5e7f9a1b3c5d7e9f1a3',
};
function interpolate(value: string): string {
  return value.replace(
    /\$\{([A-Z_][A-Z0-9_]*)(?::([?-])([^}]*))?\}/g,
    (_all, name: string, kind?: string, rest?: string) => {
      if (kind === '-') return rest ?? '';
      const sample = SAMPLE_SECRETS[name];
      if (sample === undefined) throw new Error(`compose.yaml needs \${${name}}: no sample for it`);
      return sample;
    },
  );
}

describe('compose.yaml', () => {
  it('runs two app services from this repository, behind nginx, on PostgreSQL and Redis', () => {
    expect(appServices.map(([name]) => name).sort()).toEqual(['app1', 'app2']);
    for (const [name, service] of appServices) {
      const deps = Array.isArray(service.depends_on)
        ? service.depends_on
        : Object.keys(service.depends_on ?? {});
      expect(deps.sort(), name).toEqual(['postgres', 'redis']);
    }
    expect(Object.keys(compose.services).sort()).toEqual([
      'app1',
      'app2',
      'nginx',
      'postgres',
      'redis',
    ]);
  });

  it('sets only variables the server reads, DATABASE_URL and REDIS_URL for both app services, with values the server accepts', () => {
    for (const [name, service] of appServices) {
      const env = environmentOf(service);
      const unknown = Object.keys(env).filter((key) => !SERVER_READS.has(key));
      expect(unknown, `${name} sets variables the server does not read`).toEqual([]);
      const resolved = Object.fromEntries(
        Object.entries(env).map(([key, value]) => [key, interpolate(value)]),
      );
      expect(resolved.DATABASE_URL, name).toMatch(/^postgres:\/\/transforma:[^@]+@postgres:5432\//);
      expect(resolved.REDIS_URL, name).toMatch(/^redis:\/\/redis:6379$/);
      // The server starts with them: every value passes its validation.
      const config = loadConfig({}, resolved);
      expect(config.databaseUrl, name).toBe(resolved.DATABASE_URL);
      expect(config.redisUrl, name).toBe(resolved.REDIS_URL);
      expect(config.trustProxy, name).toBe(1);
    }
  });

  it('gives PostgreSQL the password the app services use', () => {
    const postgres = environmentOf(compose.services.postgres!);
    for (const [name, service] of appServices) {
      const url = new URL(interpolate(environmentOf(service).DATABASE_URL!));
      expect(decodeURIComponent(url.password), name).toBe(interpolate(postgres.POSTGRES_PASSWORD!));
      expect(url.username, name).toBe(postgres.POSTGRES_USER);
      expect(url.pathname, name).toBe(`/${postgres.POSTGRES_DB}`);
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const runStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('sets only variables the server reads (and NODE_ENV) in the image it runs', () => {
    const envBlock = /^ENV ((?:.*\\\n)*.*)$/m.exec(runStage)?.[1] ?? '';
    const names = [...envBlock.matchAll(/([A-Z_][A-Z0-9_]*)=/g)].map((m) => m[1]!);
    expect(names).toContain('NODE_ENV');
    expect(names.filter((n) => n !== 'NODE_ENV' && !SERVER_READS.has(n))).toEqual([]);
  });

  it('builds in one stage and runs as an unprivileged user with Debian’s chromium in another', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(runStage).toMatch(/apt-get install[^\n]*\bchromium\b/);
    expect(runStage).toMatch(/^USER node$/m);
    expect(runStage).toMatch(/CHROMIUM_PATH=\/usr\/bin\/chromium/);
    expect(runStage).toMatch(/\/healthz/);
  });
});

describe('deploy/nginx.conf', () => {
  const nginx = read('deploy/nginx.conf');

  it('proxies to every app service with the WebSocket upgrade headers', () => {
    for (const [name] of appServices) expect(nginx).toContain(`server ${name}:8080`);
    expect(nginx).toMatch(/proxy_http_version 1\.1;/);
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(nginx).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
    // The only location is /, so /yjs/ and /socket.io/ get the same headers.
    expect([...nginx.matchAll(/location\s+(\S+)/g)].map((m) => m[1])).toEqual(['/']);
  });

  it('logs no query strings, which carry tokens (/yjs/<id>?token=…, export links)', () => {
    const formats = [...nginx.matchAll(/log_format\s+(\w+)\s+((?:'[^']*'\s*)+);/g)];
    expect(formats.map((m) => m[1])).toEqual(['transforma']);
    expect(formats[0]![2]).not.toMatch(/\$(request|request_uri|args|query_string|arg_\w+)\b/);
    // Every access_log uses that format (nginx's default "combined" logs $request).
    const accessLogs = [...nginx.matchAll(/access_log\s+([^;]+);/g)].map((m) => m[1]!.trim());
    expect(accessLogs.length).toBeGreaterThan(0);
    for (const line of accessLogs) expect(line).toMatch(/\stransforma$|^off$/);
  });
});
