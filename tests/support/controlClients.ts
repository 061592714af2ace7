/** Test support: real socket.io control-plane clients, and joining a workshop as a person. */
import { io, type Socket } from 'socket.io-client';
import type { ControlStateEvent } from '../../shared/control/events';
import type { JoinResponse } from '../../shared/domain/identity';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';

export interface ControlClient {
  socket: Socket;
  /** Every event received, in order (to check that no secret ever reached this client). */
  seen: { event: string; args: unknown[] }[];
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Connects with a token and resolves once the first control state has arrived. */
export async function connectControl(
  url: string,
  workshopId: string,
  token: string,
  sockets: Socket[],
): Promise<ControlClient> {
  const socket = io(url, {
    auth: { workshopId, token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  const seen: ControlClient['seen'] = [];
  socket.onAny((event: string, ...args: unknown[]) => seen.push({ event, args }));
  await new Promise((resolve) => socket.on('control:state', resolve));
  return { socket, seen };
}

/** Emits an event with an acknowledgement (5 s timeout). */
export function ask<T>(client: ControlClient, event: string, payload: unknown): Promise<Reply<T>> {
  return client.socket.timeout(5000).emitWithAck(event, payload) as Promise<Reply<T>>;
}

export function command(client: ControlClient, c: object): Promise<Reply<ControlStateEvent>> {
  return ask<ControlStateEvent>(client, 'control:command', c);
}

/** Like `command`, but throws on a refusal; returns the new state. */
export async function commandOk(client: ControlClient, c: object) {
  const reply = await command(client, c);
  if (!reply.ok) throw new Error(`command ${JSON.stringify(c)} refused: ${reply.error}`);
  return reply.value.state;
}

/** Joins as a person with the participant link (POST /join). */
export async function joinAs(
  url: string,
  workshop: CreateWorkshopResponse,
  body: object,
): Promise<JoinResponse> {
  const res = await fetch(`${url}/api/workshops/${workshop.id}/join`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${workshop.tokens.participant}`,
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`join failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as JoinResponse;
}
