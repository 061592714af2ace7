/** The pieces behind the per-IP and per-connection limits: client IP, event budget, counters. */
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { EventBudget, FLOOD_FACTOR } from '../../server/control/eventBudget';
import { clientIp } from '../../server/http/clientIp';
import { limitFor } from '../../server/http/rateLimits';
import { ConnectionCounter } from '../../server/lib/connectionCounter';

function req(peer: string | undefined, forwardedFor?: string | string[]): IncomingMessage {
  return {
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  } as unknown as IncomingMessage;
}

describe('clientIp, as Express computes req.ip', () => {
  it.each([
    [
      'no proxy trusted: the peer, whatever the header says',
      false,
      '10.0.0.1',
      '6.6.6.6',
      '10.0.0.1',
    ],
    ['a hop count of 0 is no proxy', 0, '10.0.0.1', '6.6.6.6', '10.0.0.1'],
    ['one hop: the address the proxy saw', 1, '10.0.0.1', '6.6.6.6, 203.0.113.5', '203.0.113.5'],
    ['two hops', 2, '10.0.0.1', '6.6.6.6, 203.0.113.5, 10.0.0.2', '203.0.113.5'],
    ['more hops than addresses: the leftmost', 5, '10.0.0.1', '203.0.113.5', '203.0.113.5'],
    ['trust all: the leftmost', true, '10.0.0.1', '203.0.113.5 , 10.0.0.3', '203.0.113.5'],
    ['trusted proxy, no header: the peer', 1, '10.0.0.1', undefined, '10.0.0.1'],
    ['empty entries are skipped', 1, '10.0.0.1', '203.0.113.5,, ', '203.0.113.5'],
    ['repeated headers read as one list', 1, '10.0.0.1', ['6.6.6.6', '203.0.113.5'], '203.0.113.5'],
  ] as const)('%s', (_label, trust, peer, header, expected) => {
    expect(clientIp(req(peer, header as string | string[] | undefined), trust)).toBe(expected);
  });

  it('answers an empty string for a closed socket without a trusted header', () => {
    expect(clientIp(req(undefined), false)).toBe('');
  });
});

describe('which limit an API request counts against', () => {
  it.each([
    ['POST', '/workshops', 'workshopCreate'],
    ['POST', '/Workshops/', 'workshopCreate'],
    ['POST', '/workshops/from-record', 'workshopCreate'],
    ['POST', '/workshops/abc/derive', 'workshopCreate'],
    ['POST', '/workshops/abc/join', 'join'],
    ['POST', '/workshops/abc/JOIN/', 'join'],
    ['GET', '/workshops', 'api'],
    ['GET', '/workshops/abc/join', 'api'],
    ['POST', '/workshops/abc/archive', 'api'],
    ['POST', '/workshops/abc/join/more', 'api'],
  ])('%s %s → %s', (method, path, limit) => {
    expect(limitFor(method, path)).toBe(limit);
  });
});

describe('EventBudget', () => {
  it('runs a burst up to the allowance, refills over time, and calls a sustained flood a flood', () => {
    let now = 0;
    const budget = new EventBudget(4, () => now);
    const verdicts = Array.from({ length: 5 }, () => budget.take());
    expect(verdicts).toEqual(['run', 'run', 'run', 'run', 'refuse']);
    now += 500; // two events' worth
    expect([budget.take(), budget.take(), budget.take()]).toEqual(['run', 'run', 'refuse']);
    // 2 refused so far in this second; the flood starts past FLOOD_FACTOR × 4.
    const more = Array.from({ length: FLOOD_FACTOR * 4 - 1 }, () => budget.take());
    expect(more.at(-2)).toBe('refuse');
    expect(more.at(-1)).toBe('flood');
  });

  it('forgets refusals after a quiet second', () => {
    let now = 0;
    const budget = new EventBudget(1, () => now);
    budget.take();
    for (let i = 0; i < FLOOD_FACTOR; i++) expect(budget.take()).toBe('refuse');
    now += 1000;
    expect(budget.take()).toBe('run');
    expect(budget.take()).toBe('refuse');
  });
});

describe('ConnectionCounter', () => {
  it('refuses past the ceiling per key, and a place comes back once, however often released', () => {
    const counter = new ConnectionCounter(2);
    const a = counter.tryOpen('1.1.1.1')!;
    counter.tryOpen('1.1.1.1');
    expect(counter.tryOpen('1.1.1.1')).toBeNull();
    expect(counter.tryOpen('2.2.2.2')).not.toBeNull();
    expect(counter.firstRefusal('1.1.1.1')).toBe(true);
    expect(counter.firstRefusal('1.1.1.1')).toBe(false);
    a();
    a();
    expect(counter.count('1.1.1.1')).toBe(1);
    expect(counter.firstRefusal('1.1.1.1')).toBe(true);
    expect(counter.tryOpen('1.1.1.1')).not.toBeNull();
    expect(counter.tryOpen('1.1.1.1')).toBeNull();
  });
});
