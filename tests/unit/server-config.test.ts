import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  deriveRoleTokens,
  hashToken,
  isTokenShaped,
  newFacilitatorToken,
} from '../../server/auth/tokens';
import { loadConfig } from '../../server/config';
import { randomId } from '../../shared/ids';

describe('loadConfig', () => {
  it('has defaults that run the app on :8080 with data in ./data', () => {
    const config = loadConfig({}, {});
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', sqliteSynchronous: 'NORMAL' });
    expect(config.dataDir).toBe(path.resolve('data'));
  });

  it('reads the environment and names the variable of an invalid value', () => {
    expect(loadConfig({}, { PORT: '9000', DATA_DIR: '/tmp/x', TRUST_PROXY: '1' })).toMatchObject({
      port: 9000,
      dataDir: '/tmp/x',
      trustProxy: 1,
    });
    expect(() => loadConfig({}, { PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({}, { SQLITE_SYNCHRONOUS: 'OFF' })).toThrow(/SQLITE_SYNCHRONOUS/);
  });

  it('keeps vote splits to groups of 3 voters unless VOTE_SPLIT_MIN_VOTERS says otherwise', () => {
    expect(loadConfig({}, {}).voteSplitMinVoters).toBe(3);
    expect(loadConfig({}, { VOTE_SPLIT_MIN_VOTERS: '5' }).voteSplitMinVoters).toBe(5);
    expect(() => loadConfig({}, { VOTE_SPLIT_MIN_VOTERS: '0' })).toThrow(/VOTE_SPLIT_MIN_VOTERS/);
  });

  it('selects PostgreSQL with DATABASE_URL (SQLite without) and validates it and REDIS_URL', () => {
    expect(loadConfig({}, {}).databaseUrl).toBeUndefined();
    const env = {
      DATABASE_URL: 'postgres://app:secret@db.internal:5432/transforma',
      REDIS_URL: 'redis://cache.internal:6379',
    };
    expect(loadConfig({}, env)).toMatchObject({
      databaseUrl: env.DATABASE_URL,
      redisUrl: env.REDIS_URL,
    });
    expect(() => loadConfig({}, { DATABASE_URL: 'mysql://db/x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({}, { DATABASE_URL: './transforma.sqlite' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({}, { REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL/);
  });
});

describe('tokens and ids', () => {
  it('makes 128-bit ids and 256-bit facilitator tokens, all distinct', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => randomId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newFacilitatorToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('derives stable, distinct, per-workshop role tokens from the facilitator token', () => {
    const f = newFacilitatorToken();
    const a = deriveRoleTokens('w1', f);
    expect(deriveRoleTokens('w1', f)).toEqual(a);
    expect(deriveRoleTokens('w2', f).participant).not.toBe(a.participant);
    expect(new Set(Object.values(a)).size).toBe(3);
    for (const t of Object.values(a)) expect(isTokenShaped(t)).toBe(true);
    expect(hashToken(a.participant)).toMatch(/^[0-9a-f]{64}$/);
    expect(isTokenShaped('short')).toBe(false);
    expect(isTokenShaped(undefined)).toBe(false);
  });
});
