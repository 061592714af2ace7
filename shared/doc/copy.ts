/**
 * Copying cards between workshops' docs with provenance: an ADW starts from its EDW's selected
 * activities (with the capacities and opportunities they combine). Copies get new ids; links are
 * remapped to the copies; every copy records `provenance: { workshopId, cardId }` of its source.
 */
import * as Y from 'yjs';
import { listActions } from './actions';
import { listActivities } from './activities';
import { getCard, insertCard, newCardSchema, readCard, type CardMap } from './cards';
import { listRegions, readWorkshopField, regionsArray, setWorkshopField } from './regions';

const COMMON_KEYS = new Set([
  'id',
  'type',
  'boardId',
  'title',
  'body',
  'x',
  'y',
  'z',
  'color',
  'createdBy',
  'createdAt',
  'updatedAt',
]);

export interface CopyResult {
  /** source card id → id of its copy */
  idMap: Map<string, string>;
  activityIds: string[];
}

/**
 * Copies the given activities (default: those with status 'selected'), every capacity and
 * opportunity they link, and the actions already sketched for them into `target`, with the
 * source's regions and field, in one transaction.
 */
export function copyActivities(
  source: Y.Doc,
  target: Y.Doc,
  sourceWorkshopId: string,
  activityIds?: string[],
): CopyResult {
  const activities = listActivities(source).filter((a) =>
    activityIds ? activityIds.includes(a.id) : a.status === 'selected',
  );
  const idMap = new Map<string, string>();
  const copiedActivities: string[] = [];
  target.transact(() => {
    const known = new Set(listRegions(target).map((r) => r.id));
    const missing = listRegions(source).filter((r) => !known.has(r.id));
    if (missing.length > 0) regionsArray(target).push(missing);
    if (!readWorkshopField(target) && readWorkshopField(source))
      setWorkshopField(target, readWorkshopField(source));

    const linked = new Set(activities.flatMap((a) => [...a.capacityIds, ...a.opportunityIds]));
    for (const id of linked) {
      const card = getCard(source, id);
      if (card instanceof Y.Map) idMap.set(id, copyCard(card, target, sourceWorkshopId));
    }
    for (const activity of activities) {
      const card = getCard(source, activity.id)!;
      const copyId = copyCard(card, target, sourceWorkshopId);
      idMap.set(activity.id, copyId);
      copiedActivities.push(copyId);
      const copy = getCard(target, copyId)!;
      for (const key of ['capacityIds', 'opportunityIds'] as const) {
        const links = new Y.Map<true>();
        for (const old of activity[key]) {
          const mapped = idMap.get(old);
          if (mapped) links.set(mapped, true);
        }
        copy.set(key, links);
      }
      for (const action of listActions(source, activity.id)) {
        const actionCopy = copyCard(getCard(source, action.id)!, target, sourceWorkshopId);
        idMap.set(action.id, actionCopy);
        getCard(target, actionCopy)!.set('activityId', copyId);
      }
    }
  });
  return { idMap, activityIds: copiedActivities };
}

/** One card into another doc: common fields through insertCard, the rest cloned; returns the new id. */
function copyCard(card: CardMap, target: Y.Doc, sourceWorkshopId: string): string {
  const snapshot = readCard(card);
  const fields: Record<string, unknown> = {};
  card.forEach((value, key) => {
    if (COMMON_KEYS.has(key)) return;
    fields[key] = value instanceof Y.AbstractType ? value.clone() : value;
  });
  fields.provenance = { workshopId: sourceWorkshopId, cardId: snapshot.id };
  const id = insertCard(
    target,
    newCardSchema.parse({
      type: snapshot.type,
      boardId: snapshot.boardId,
      title: snapshot.title,
      x: snapshot.x,
      y: snapshot.y,
      color: snapshot.color,
      createdBy: snapshot.createdBy,
    }),
    fields,
  );
  const body = card.get('body');
  const copyBody = getCard(target, id)?.get('body');
  if (body instanceof Y.XmlFragment && copyBody instanceof Y.XmlFragment) {
    copyBody.insert(
      0,
      body.toArray().map((node) => node.clone() as Y.XmlElement | Y.XmlText),
    );
  }
  return id;
}
