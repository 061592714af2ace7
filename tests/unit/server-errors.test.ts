/**
 * Every refusal the server can send a person has a stable code, and every code a message in
 * English (so, through tests/unit/locales.test.ts, in every language). The server's texts are
 * found in its source: `HttpError(status, '…')` and `{ ok: false, error: '…' }`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/locales/en';
import { SERVER_ERRORS, serverErrorCode } from '../../shared/errors/serverErrors';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'exporters') return []; // export texts go into files, not refusals
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const root = join(__dirname, '../..');
const known = new Set<string>(Object.values(SERVER_ERRORS).flat());

describe('server errors', () => {
  it('have an English message for every code', () => {
    const messages: Record<string, string> = en.errors;
    const missing = Object.keys(SERVER_ERRORS).filter((code) => typeof messages[code] !== 'string');
    expect(missing).toEqual([]);
  });

  it('have a code for every text the server sends', () => {
    const texts = new Set<string>();
    for (const dir of ['server', 'shared/control']) {
      for (const file of sourceFiles(join(root, dir))) {
        const source = readFileSync(file, 'utf8');
        for (const m of source.matchAll(/HttpError\(\s*\d+,\s*'([^']+)'/g)) texts.add(m[1]!);
        for (const m of source.matchAll(/ok: false,\s*error: '([^']+)'/g)) texts.add(m[1]!);
      }
    }
    expect(texts.size).toBeGreaterThan(30);
    const uncoded = [...texts].filter((text) => !known.has(text));
    expect(uncoded).toEqual([]);
  });

  it('reads texts built with values by their start, and anything else as invalid input', () => {
    expect(serverErrorCode('only facilitators can archive the workshop')).toBe('facilitatorsOnly');
    expect(serverErrorCode('too many requests: try again in 3 s')).toBe('tooManyRequests');
    expect(serverErrorCode('title: too long', 400)).toBe('invalidInput');
    expect(serverErrorCode('record version 2 cannot be read', 500)).toBe('server');
  });
});
