/** Which boards an update touches, as the server sees it before applying (for board locks). */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addRegion,
  boardsTouchedBy,
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
});
