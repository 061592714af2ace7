/** Which boards an update touches, as the server sees it before applying (for board locks). */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addRegion,
  boardsTouchedBy,
  updateFootprint,
  cardBody,
  createActivity,
  createCapacity,
  createCard,
  createOpportunity,
  createOpportunityGroup,
  deleteCard,
  getCard,
  linkToActivity,
  moveCard,
  setCardTitle,
  updateCapacity,
} from '../../shared/doc';
import { writePlainText } from '../../shared/import';

/** A server doc and a client replica; `edit` runs on the client, its update is classified. */
function setup() {
  const server = new Y.Doc();
  const cap = createCapacity(server, { title: 'Tourism' });
  const opp = createOpportunity(server, { title: 'AI' });
  const note = createCard(server, { title: 'note' });
  const act = createActivity(server, { title: 'A', capacityIds: [cap] });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const touched = (edit: (doc: Y.Doc) => void) => {
    const before = Y.encodeStateVector(client);
    edit(client);
    const update = Y.encodeStateAsUpdate(client, before);
    const boards = [...boardsTouchedBy(server, update)].sort();
    Y.applyUpdate(server, update);
    return boards;
  };
  return { cap, opp, note, act, touched };
}

describe('boardsTouchedBy', () => {
  it('names the board of new cards, edits, moves and deletes', () => {
    const { cap, opp, note, act, touched } = setup();
    expect(touched((d) => createCapacity(d, { title: 'Wood' }))).toEqual(['capacity-map']);
    expect(touched((d) => updateCapacity(d, cap, { strength: 4 }))).toEqual(['capacity-map']);
    expect(touched((d) => setCardTitle(d, cap, 'Alpine tourism'))).toEqual(['capacity-map']);
    expect(touched((d) => moveCard(d, opp, 300, 300))).toEqual(['opportunity-board']);
    expect(touched((d) => setCardTitle(d, note, 'a longer note'))).toEqual(['notes']);
    expect(touched((d) => linkToActivity(d, act, 'opportunity', opp))).toEqual(['activity-canvas']);
    expect(touched((d) => writePlainText(cardBody(getCard(d, note)!)!, 'rich text'))).toEqual([
      'notes',
    ]);
    expect(touched((d) => deleteCard(d, cap))).toEqual(['capacity-map']);
  });

  it('names the boards of several cards changed in one update, and none for workshop facts', () => {
    const { opp, note, touched } = setup();
    expect(
      touched((d) =>
        d.transact(() => {
          moveCard(d, opp, 1, 1);
          moveCard(d, note, 2, 2);
        }),
      ),
    ).toEqual(['notes', 'opportunity-board']);
    expect(touched((d) => createOpportunityGroup(d, 'Digital'))).toEqual(['opportunity-board']);
    expect(touched((d) => addRegion(d, { name: 'Tyrol', country: 'AT', nuts: '' }))).toEqual([]);
  });

  it('handles edits deep inside text typed in several steps', () => {
    const { note, touched } = setup();
    touched((d) => setCardTitle(d, note, 'abc'));
    expect(touched((d) => setCardTitle(d, note, 'abXc'))).toEqual(['notes']);
    expect(touched((d) => setCardTitle(d, note, 'ac'))).toEqual(['notes']);
  });

  it('counts a card on the board of its type, wherever its boardId points', () => {
    const { touched } = setup();
    // A stock client can write any card shape: a "capacity" filed under the notes board.
    expect(
      touched((d) =>
        d.transact(() => {
          const card = new Y.Map<unknown>();
          card.set('type', 'capacity');
          card.set('boardId', 'board');
          card.set('title', new Y.Text('smuggled'));
          d.getMap('cards').set('smuggled', card);
        }),
      ),
    ).toEqual(['capacity-map', 'notes']);
  });

  it('names the old and the new board when an update moves or re-types a card', () => {
    const { note, cap, touched } = setup();
    expect(touched((d) => getCard(d, note)!.set('boardId', 'capacity-map'))).toEqual([
      'capacity-map',
      'notes',
    ]);
    expect(touched((d) => getCard(d, cap)!.set('boardId', 'board'))).toEqual([
      'capacity-map',
      'notes',
    ]);
    const other = setup();
    expect(other.touched((d) => getCard(d, other.note)!.set('type', 'opportunity'))).toEqual([
      'notes',
      'opportunity-board',
    ]);
    // Removing boardId puts the card on the notes board, as readers show it.
    expect(other.touched((d) => getCard(d, other.opp)!.delete('boardId'))).toEqual([
      'notes',
      'opportunity-board',
    ]);
  });
});

describe('updateFootprint', () => {
  it('names the roots an update changes, meta included', () => {
    const server = new Y.Doc();
    server.getMap('meta').set('title', 'EDW');
    server.getMap('meta').set('workshopId', 'w1');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const footprint = (edit: (doc: Y.Doc) => void) => {
      const before = Y.encodeStateVector(client);
      edit(client);
      const result = updateFootprint(server, Y.encodeStateAsUpdate(client, before));
      Y.applyUpdate(server, Y.encodeStateAsUpdate(client, before));
      return { roots: [...result.roots].sort(), unresolved: result.unresolved };
    };
    expect(footprint((d) => d.getMap('meta').set('createdAt', -1e15))).toEqual({
      roots: ['meta'],
      unresolved: false,
    });
    expect(footprint((d) => d.getMap('meta').delete('workshopId'))).toEqual({
      roots: ['meta'],
      unresolved: false,
    });
    expect(footprint((d) => d.getMap('meta').delete('title'))).toEqual({
      roots: ['meta'],
      unresolved: false,
    });
    expect(footprint((d) => createCard(d, { title: 'x' }))).toEqual({
      roots: ['cards'],
      unresolved: false,
    });
  });
});
