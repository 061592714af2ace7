/**
 * The pieces that keep a removed person out: the device cookie as the server reads it (a Cookie
 * header is written by the browser, but also by anyone with curl), its salted hash, and the
 * generations that make a reset link a new one.
 */
import { describe, expect, it } from 'vitest';
import { deviceHash, deviceIdFrom } from '../../server/auth/device';
import { deriveRoleTokens, newFacilitatorToken } from '../../server/auth/tokens';

const id = 'D'.repeat(43);

describe('the device cookie', () => {
  it.each([
    ['alone', `tf_device=${id}`],
    ['among others, with spaces', `theme=dark;  tf_device=${id} ; lang=en`],
    ['after a malformed one of the same name', `tf_device=../etc; tf_device=${id}`],
  ])('is read %s', (_label, header) => {
    expect(deviceIdFrom(header)).toBe(id);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['another cookie whose name ends the same', `xtf_device=${id}`],
    ['a name-only pair', 'tf_device'],
    ['a value that is no id', 'tf_device=short'],
    ['a value with other characters', `tf_device=${id.slice(1)}%`],
  ])('is absent with %s', (_label, header) => {
    expect(deviceIdFrom(header)).toBeNull();
  });

  it('is stored as a hash salted with the workshop', () => {
    expect(deviceHash('w1', id)).toMatch(/^[0-9a-f]{64}$/);
    expect(deviceHash('w1', id)).toBe(deviceHash('w1', id));
    expect(deviceHash('w2', id)).not.toBe(deviceHash('w1', id));
  });
});

describe('shared link generations', () => {
  it('derive a new participant or projector token per reset, the facilitator token unchanged', () => {
    const f = newFacilitatorToken();
    const first = deriveRoleTokens('w1', f);
    expect(deriveRoleTokens('w1', f, { participant: 0, projector: 0 })).toEqual(first);
    const reset = deriveRoleTokens('w1', f, { participant: 1, projector: 0 });
    expect(reset.facilitator).toBe(first.facilitator);
    expect(reset.projector).toBe(first.projector);
    expect(reset.participant).not.toBe(first.participant);
    expect(deriveRoleTokens('w1', f, { participant: 1, projector: 0 })).toEqual(reset);
  });
});
