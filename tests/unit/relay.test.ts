import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planRelay } from '../../server/sync/relay';

/** An update of one client's doc adding `text` to a shared array. */
function edit(doc: Y.Doc, text: string): Uint8Array {
  let update: Uint8Array | null = null;
  const take = (u: Uint8Array) => (update = u);
  doc.once('update', take);
  doc.getArray<string>('notes').push([text]);
  return update!;
}

const clientsIn = (update: Uint8Array) =>
  new Set(Y.decodeUpdate(update).structs.map((s) => s.id.client));

describe('planRelay', () => {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const batch = [
    { update: edit(a, 'a1'), origin: 'A' },
    { update: edit(b, 'b1'), origin: 'B' },
    { update: edit(a, 'a2'), origin: 'A' },
  ];

  it('sends everyone who sent nothing the whole turn', () => {
    const turn = planRelay(batch);
    const reader = new Y.Doc();
    Y.applyUpdate(reader, turn.forSender('C')!);
    expect(reader.getArray('notes').length).toBe(3);
  });

  it('sends each sender the others’ updates, never its own', () => {
    const turn = planRelay(batch);
    expect(clientsIn(turn.forSender('A')!)).toEqual(new Set([b.clientID]));
    expect(clientsIn(turn.forSender('B')!)).toEqual(new Set([a.clientID]));
  });

  it('sends a turn’s only sender nothing', () => {
    const turn = planRelay(batch.filter((p) => p.origin === 'A'));
    expect(turn.forSender('A')).toBeNull();
    expect(clientsIn(turn.forSender('B')!)).toEqual(new Set([a.clientID]));
  });
});
