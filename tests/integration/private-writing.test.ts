/**
 * Private writing with real socket.io and y-websocket clients: drafts are seen by their author only
 * (never by another client, over socket.io or in the doc) until the facilitator reveals; then they
 * are published to the round's board with the authors shown or hidden. Drafts survive a restart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { RunningServer } from '../../server/app';
import type { DraftProgress, MyDrafts } from '../../shared/control/privateWriting';
import { addRegion, listCapacities, listCards, DEFAULT_BOARD_ID } from '../../shared/doc';
import { connectSynced, type TestClient } from '../support/clients';
import {
  ask,
  command,
  commandOk,
  connectControl,
  joinAs,
  type ControlClient,
} from '../support/controlClients';
import { createWorkshop, startTestServer, tempDataDir, waitFor } from '../support/server';

const servers: RunningServer[] = [];
const sockets: Socket[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
});

const put = (p: ControlClient, roundId: string, draftId: string, text: string) =>
  ask<MyDrafts>(p, 'draft:put', { roundId, draftId, text });

describe('private writing', () => {
  it('keeps drafts private until the reveal, then publishes them with or without authors', async () => {
    const dataDir = tempDataDir();
    let server = await startTestServer({ dataDir });
    servers.push(server);
    const w = await createWorkshop(server.url, 'EDW', 'edw');
    const host = await connectSynced(server.url, w.id, w.tokens.facilitator);
    const observer = await connectSynced(server.url, w.id, w.tokens.participant);
    clients.push(host, observer);
    const tyrol = addRegion(host.doc, { name: 'Tyrol', country: 'AT', nuts: 'AT33' });
    await waitFor(() => observer.doc.getArray('regions').length === 1, 'regions to sync');

    const anna = await joinAs(server.url, w, { name: 'Anna', helix: 'research', regionId: tyrol });
    const ben = await joinAs(server.url, w, { name: 'Ben', helix: 'business' });
    const facilitator = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    let annaP = await connectControl(server.url, w.id, anna.identityToken, sockets);
    const benP = await connectControl(server.url, w.id, ben.identityToken, sockets);
    const anonymous = await connectControl(server.url, w.id, w.tokens.participant, sockets);

    expect(await command(annaP, { type: 'private:open', board: 'capacity-map' })).toMatchObject({
      ok: false,
      error: 'only facilitators can run the workshop',
    });
    const state = await commandOk(facilitator, {
      type: 'private:open',
      board: 'capacity-map',
      prompt: 'What is your region strong in?',
    });
    const roundId = state.privateRound!.id;
    expect(state.privateRound).toMatchObject({ status: 'open', board: 'capacity-map' });

    expect(await put(anonymous, roundId, 'x1', 'no identity')).toEqual({
      ok: false,
      error: 'join as a person to write',
    });
    expect(await put(annaP, 'round-0', 'a1', 'wrong round')).toMatchObject({ ok: false });
    expect(await put(annaP, roundId, 'bad id!', 'x')).toMatchObject({ ok: false });
    expect(await put(annaP, roundId, 'a1', 'x'.repeat(501))).toMatchObject({ ok: false });
    expect(await ask(annaP, 'draft:put', 'garbage')).toMatchObject({ ok: false });

    expect((await put(annaP, roundId, 'a1', 'Mountain rescue robotics')).ok).toBe(true);
    const annaMine = await put(annaP, roundId, 'a2', 'Alpine hydrogen');
    expect(annaMine).toMatchObject({
      ok: true,
      value: { roundId, drafts: [{ draftId: 'a1' }, { draftId: 'a2' }] },
    });
    // Editing replaces; nobody else can touch Anna's drafts.
    expect((await put(annaP, roundId, 'a2', 'Alpine green hydrogen')).ok).toBe(true);
    expect(await put(benP, roundId, 'a1', 'hijack')).toEqual({
      ok: false,
      error: 'that draft is not yours',
    });
    expect(await ask(benP, 'draft:delete', { roundId, draftId: 'a1' })).toMatchObject({
      ok: false,
    });
    expect((await put(benP, roundId, 'b1', 'Wood construction cluster')).ok).toBe(true);
    expect((await put(benP, roundId, 'b2', 'to be deleted')).ok).toBe(true);
    expect(await ask(benP, 'draft:delete', { roundId, draftId: 'b2' })).toMatchObject({
      ok: true,
      value: { drafts: [{ draftId: 'b1' }] },
    });

    // Everyone learns the counts, never the text.
    await waitFor(
      () =>
        facilitator.seen.some(
          (e) =>
            e.event === 'private:progress' &&
            (e.args[0] as DraftProgress).drafts === 3 &&
            (e.args[0] as DraftProgress).authors === 2,
        ),
      'progress counts',
    );
    for (const person of [facilitator, benP, anonymous]) {
      const everything = JSON.stringify(person.seen);
      expect(everything).not.toContain('Mountain rescue');
      expect(everything).not.toContain('hydrogen');
    }
    expect(JSON.stringify(observer.doc.toJSON())).not.toContain('hydrogen');
    expect(listCapacities(observer.doc)).toEqual([]);

    // Drafts survive a restart: Anna gets hers back.
    for (const s of sockets.splice(0)) s.disconnect();
    await server.close();
    for (const c of clients.splice(0)) c.destroy();
    servers.length = 0;
    server = await startTestServer({ dataDir });
    servers.push(server);
    annaP = await connectControl(server.url, w.id, anna.identityToken, sockets);
    expect(await ask(annaP, 'draft:mine', {})).toMatchObject({
      ok: true,
      value: {
        roundId,
        drafts: [
          { draftId: 'a1', text: 'Mountain rescue robotics' },
          { draftId: 'a2', text: 'Alpine green hydrogen' },
        ],
      },
    });

    const reader = await connectSynced(server.url, w.id, w.tokens.participant);
    clients.push(reader);
    const host2 = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    const revealed = await commandOk(host2, { type: 'private:reveal', showAuthors: true });
    expect(revealed.privateRound).toMatchObject({ status: 'revealed', published: 3 });
    await waitFor(() => listCapacities(reader.doc).length === 3, 'published capacities');
    const published = listCapacities(reader.doc).map((c) => ({
      title: c.title,
      createdBy: c.createdBy,
      regionId: c.regionId,
    }));
    expect(published).toEqual(
      expect.arrayContaining([
        { title: 'Mountain rescue robotics', createdBy: 'Anna', regionId: tyrol },
        { title: 'Alpine green hydrogen', createdBy: 'Anna', regionId: tyrol },
        { title: 'Wood construction cluster', createdBy: 'Ben', regionId: '' },
      ]),
    );
    // The round is over: no more drafts, and nothing is published twice.
    expect(await put(annaP, roundId, 'a3', 'late')).toMatchObject({ ok: false });
    expect(await command(host2, { type: 'private:reveal', showAuthors: true })).toMatchObject({
      ok: false,
    });
  });

  it('hides the authors when asked, and a cancelled round publishes nothing', async () => {
    const server = await startTestServer({ dataDir: tempDataDir() });
    servers.push(server);
    const w = await createWorkshop(server.url, 'Notes', 'edw');
    const reader = await connectSynced(server.url, w.id, w.tokens.participant);
    clients.push(reader);
    const anna = await joinAs(server.url, w, { name: 'Anna' });
    const facilitator = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    const annaP = await connectControl(server.url, w.id, anna.identityToken, sockets);

    let round = (await commandOk(facilitator, { type: 'private:open', board: 'notes' }))
      .privateRound!;
    expect((await put(annaP, round.id, 'n1', 'Cancelled idea')).ok).toBe(true);
    await commandOk(facilitator, { type: 'private:cancel' });
    expect(await ask(annaP, 'draft:mine', {})).toEqual({ ok: true, value: null });

    round = (await commandOk(facilitator, { type: 'private:open', board: 'notes' })).privateRound!;
    expect(await ask(annaP, 'draft:mine', {})).toEqual({
      ok: true,
      value: { roundId: round.id, drafts: [] },
    });
    expect((await put(annaP, round.id, 'n1', 'Anonymous idea')).ok).toBe(true);
    expect((await put(annaP, round.id, 'n2', '   ')).ok).toBe(true); // blank: not published
    const after = await commandOk(facilitator, { type: 'private:reveal', showAuthors: false });
    expect(after.privateRound?.published).toBe(1);
    await waitFor(() => listCards(reader.doc, DEFAULT_BOARD_ID).length === 1, 'published note');
    expect(listCards(reader.doc, DEFAULT_BOARD_ID)).toMatchObject([
      { title: 'Anonymous idea', createdBy: '' },
    ]);
    expect(JSON.stringify(reader.doc.toJSON())).not.toContain('Cancelled idea');
  });

  it('an archived workshop refuses facilitation commands and drafts until reopened', async () => {
    const server = await startTestServer({ dataDir: tempDataDir() });
    servers.push(server);
    const w = await createWorkshop(server.url, 'Closed', 'edw');
    const anna = await joinAs(server.url, w, { name: 'Anna' });
    const facilitator = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    const annaP = await connectControl(server.url, w.id, anna.identityToken, sockets);
    const round = (await commandOk(facilitator, { type: 'private:open', board: 'notes' }))
      .privateRound!;
    const post = (action: string) =>
      fetch(`${server.url}/api/workshops/${w.id}/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${w.tokens.facilitator}` },
      });
    await commandOk(facilitator, { type: 'phase:start', phaseId: 'map-capacities' });
    expect((await post('archive')).status).toBeLessThan(300);
    // The room's clock stopped with it: the phase ended (in the record too), the timer is reset.
    const stopped = await server.control.get(w.id);
    expect(stopped.timer.status).toBe('idle');
    expect(stopped.agenda.currentPhaseId).toBeNull();
    expect(stopped.agenda.log.at(-1)?.endedAt).toEqual(expect.any(Number));
    const refused = 'the workshop is archived: reopen it to make changes';
    expect(await put(annaP, round.id, 'a1', 'too late')).toEqual({ ok: false, error: refused });
    expect(await command(facilitator, { type: 'private:reveal', showAuthors: true })).toEqual({
      ok: false,
      error: refused,
    });
    expect(await ask(annaP, 'hand:set', { raised: true })).toEqual({ ok: false, error: refused });
    expect((await post('reopen')).status).toBeLessThan(300);
    expect((await put(annaP, round.id, 'a1', 'welcome back')).ok).toBe(true);
  });

  it('an action-list round needs its activity', async () => {
    const server = await startTestServer({ dataDir: tempDataDir() });
    servers.push(server);
    const w = await createWorkshop(server.url, 'ADW', 'adw');
    const facilitator = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    expect(await command(facilitator, { type: 'private:open', board: 'action-list' })).toEqual({
      ok: false,
      error: 'choose the activity the actions are for',
    });
  });
});
