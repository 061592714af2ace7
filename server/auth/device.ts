/**
 * The device a person joins from: a random id in a long-lived cookie, set by POST /join. Together
 * with the previous identity token a browser sends, it is how a removed person is recognised when
 * they come back through the participant link. Clearing cookies and storage, or another device,
 * gets past it: it keeps a removed person out of the room, it is no proof of who anyone is.
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { randomId } from '../../shared/ids';
import { isTokenShaped } from './tokens';

export const DEVICE_COOKIE = 'tf_device';
const DEVICE_COOKIE_MAX_AGE_MS = 400 * 24 * 60 * 60 * 1000; // the longest browsers keep a cookie

/** The device id the request's Cookie header carries, or null (none, or not one of ours). */
export function deviceIdFrom(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const pair of cookieHeader.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== DEVICE_COOKIE) continue;
    const value = pair.slice(eq + 1).trim();
    if (isTokenShaped(value)) return value;
  }
  return null;
}

/** The request's device id, or a new one for a device the server has not seen. */
export function deviceIdOf(req: Request): string {
  return deviceIdFrom(req.get('cookie')) ?? randomId(32);
}

/** Sent only to the API, never readable by scripts, never sent by another site's request. */
export function setDeviceCookie(req: Request, res: Response, deviceId: string): void {
  res.cookie(DEVICE_COOKIE, deviceId, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: '/api/',
    maxAge: DEVICE_COOKIE_MAX_AGE_MS,
  });
}

/**
 * What the identity stores: a hash salted with the workshop, so the database does not tie one
 * browser's visits to different workshops together.
 */
export function deviceHash(workshopId: string, deviceId: string): string {
  return createHash('sha256').update(`transforma:device:${workshopId}:${deviceId}`).digest('hex');
}
