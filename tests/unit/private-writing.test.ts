/** Private-writing rounds in the control state: opened by a command or a private phase, revealed once. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CARD_HEIGHT_ESTIMATE,
  createOpportunity,
  listOpportunities,
  publishDrafts,
} from '../../shared/doc';
import {
  applyControlCommand,
  controlCommandSchema,
  type ControlCommandInput,
} from '../../shared/control/commands';
import {
  controlStateSchema,
  initialControlState,
  type ControlState,
} from '../../shared/control/state';

function attempt(state: ControlState, command: ControlCommandInput, now = 1000) {
  return applyControlCommand(state, controlCommandSchema.parse(command), now);
}
function run(state: ControlState, command: ControlCommandInput, now = 1000): ControlState {
  const result = attempt(state, command, now);
  if (!result.ok) throw new Error(result.error);
  return result.state;
}

describe('private-writing rounds', () => {
  it('opens one round at a time, reveals it once with the authors choice, then allows a new one', () => {
    let s = run(initialControlState('edw'), {
      type: 'private:open',
      board: 'opportunity-board',
      prompt: 'Trends?',
    });
    expect(s.privateRound).toMatchObject({
      board: 'opportunity-board',
      prompt: 'Trends?',
      status: 'open',
      showAuthors: null,
    });
    expect(attempt(s, { type: 'private:open', board: 'notes' })).toMatchObject({ ok: false });
    s = run(s, { type: 'private:reveal', showAuthors: false }, 5000);
    expect(s.privateRound).toMatchObject({
      status: 'revealed',
      revealedAt: 5000,
      showAuthors: false,
    });
    expect(attempt(s, { type: 'private:reveal', showAuthors: true })).toMatchObject({ ok: false });
    expect(attempt(s, { type: 'private:cancel' })).toMatchObject({ ok: false });
    const next = run(s, { type: 'private:open', board: 'notes' });
    expect(next.privateRound?.id).not.toBe(s.privateRound?.id);
    expect(controlStateSchema.parse(next)).toEqual(next);
  });

  it('a private phase opens a round on its board when it starts', () => {
    // A facilitator made the EDW's capacity phase a private one (no template ships one now: the
    // self-assessment's individual filling is a questionnaire, held by the server).
    const edw = initialControlState('edw');
    const phases = edw.agenda.phases.map((p) =>
      p.id === 'map-capacities' ? { ...p, privateWriting: true } : p,
    );
    const s = run(
      { ...edw, agenda: { ...edw.agenda, phases } },
      {
        type: 'phase:start',
        phaseId: 'map-capacities',
      },
    );
    expect(s.privateRound).toMatchObject({ board: 'capacity-map', status: 'open' });
    // An ordinary phase leaves the round alone.
    const later = run(s, { type: 'phase:start', phaseId: 'map-opportunities' });
    expect(later.privateRound?.id).toBe(s.privateRound?.id);
  });

  it('an action-list round needs its activity; invalid rounds are refused', () => {
    const s = initialControlState('adw');
    expect(attempt(s, { type: 'private:open', board: 'action-list' })).toEqual({
      ok: false,
      error: 'choose the activity the actions are for',
    });
    expect(
      run(s, { type: 'private:open', board: 'action-list', activityId: 'act-1' }).privateRound,
    ).toMatchObject({ activityId: 'act-1' });
    expect(controlCommandSchema.safeParse({ type: 'private:open', board: 'nowhere' }).success).toBe(
      false,
    );
    expect(controlCommandSchema.safeParse({ type: 'private:reveal' }).success).toBe(false);
  });

  it('a stored state from before private writing still loads', () => {
    const old = structuredClone(initialControlState('edw')) as Partial<ControlState>;
    delete old.privateRound;
    delete old.breakouts;
    expect(controlStateSchema.parse(old)).toMatchObject({ privateRound: null, breakouts: null });
  });
});

describe('publishing a round', () => {
  it('gives every revealed idea on a free board its own place, below the cards already there', () => {
    const doc = new Y.Doc();
    createOpportunity(doc, { title: 'Already there', x: 0, y: 0 });
    const drafts = ['One', 'Two', 'Three', 'Four', 'Five', 'Six'].map((text) => ({
      text,
      authorName: 'Anna',
      authorRegionId: '',
    }));
    const ids = publishDrafts(doc, drafts, {
      board: 'opportunity-board',
      showAuthors: false,
      activityId: null,
    });
    expect(ids).toHaveLength(6);
    const cards = listOpportunities(doc);
    const places = new Set(cards.map((c) => `${c.x},${c.y}`));
    expect(places.size).toBe(7);
    for (const card of cards.filter((c) => c.title !== 'Already there')) {
      expect(card.y).toBeGreaterThan(CARD_HEIGHT_ESTIMATE);
      expect(card.createdBy).toBe('');
    }
  });
});
