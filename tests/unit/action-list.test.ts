/** The action list's own doc operation: moving an action to another transformative activity. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createAction,
  createActivity,
  createCard,
  deleteCard,
  getAction,
  setActionActivity,
} from '../../shared/doc';

describe('setActionActivity', () => {
  it('moves an action to another activity in one transaction', () => {
    const doc = new Y.Doc();
    const first = createActivity(doc, { title: 'Digital services for tourism' });
    const second = createActivity(doc, { title: 'Smart mobility' });
    const action = createAction(doc, { activityId: first, title: 'Booking platform pilot' });
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(setActionActivity(doc, action, second)).toBe(true);
    expect(transactions).toBe(1);
    expect(getAction(doc, action)?.activityId).toBe(second);
  });

  it('refuses a missing or deleted activity, a card of another type and a missing action', () => {
    const doc = new Y.Doc();
    const activity = createActivity(doc, { title: 'A' });
    const gone = createActivity(doc, { title: 'B' });
    const note = createCard(doc, { title: 'a note' });
    const action = createAction(doc, { activityId: activity });
    deleteCard(doc, gone);
    expect(setActionActivity(doc, action, gone)).toBe(false);
    expect(setActionActivity(doc, action, note)).toBe(false);
    expect(setActionActivity(doc, action, 'nope')).toBe(false);
    expect(setActionActivity(doc, 'nope', activity)).toBe(false);
    expect(() => setActionActivity(doc, action, '')).toThrow();
    expect(getAction(doc, action)?.activityId).toBe(activity);
  });
});
