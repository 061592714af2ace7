/**
 * The Y.Doc schema of a workshop — the one place that knows the shape of the shared document.
 * Client and server read and change a workshop's doc only through these accessors and operations.
 *
 * Shape (DOC_SCHEMA_VERSION 1):
 *
 *   doc.getMap('meta')              workshop facts shown on every screen
 *     schemaVersion: number         DOC_SCHEMA_VERSION when the doc was created
 *     workshopId:    string
 *     title:         string         last writer wins
 *     template:      WorkshopTemplate
 *     createdAt:     number         ms since epoch
 *
 *   doc.getMap('cards')             Y.Map<cardId, Y.Map> — every card of every board, keyed by id
 *     id:        string             also the key; 128-bit random
 *     type:      CardType           note | capacity | opportunity | activity | action
 *     boardId:   string             which board the card sits on
 *     title:     Y.Text             co-edited character by character
 *     body:      Y.XmlFragment      rich text (Tiptap / ProseMirror document)
 *     x, y:      number             top-left corner in board coordinates (px at zoom 1)
 *     z:         number             stacking order; larger is in front
 *     color:     CardColor
 *     createdBy: string             display name of the author
 *     createdAt, updatedAt: number  ms since epoch
 *
 *   doc.getMap('removedCards')      Y.Map<cardId, RemovedCard> — tombstones (title, type, when) so
 *                                   links to a deleted card show "source removed", never dangle
 *   doc.getArray('regions')         Y.Array<Region> — the workshop's regions (regions.ts)
 *   doc.getMap('opportunityGroups') Y.Map<groupId, OpportunityGroup> (opportunities.ts)
 *   doc.getArray('diamondAxes')     Y.Array<DiamondAxis>; empty = one axis per capacity kind (diamond.ts)
 *   doc.getMap('questionnaires')    Y.Map<questionnaireId, Y.Map>: definitions, revealed answers (questionnaires.ts)
 *   meta also holds field (the workshop's field/topic) and language.
 *   meta.sources: the archived records the workshop was started from (provenance.ts)
 *
 * Each card type keeps its own fields beside the common ones in the same Y.Map, so every board can
 * show any card; each module documents its type's fields:
 *   capacity    capacities.ts     regionId, kind, field, holders, strength, evidenceUrl
 *   opportunity opportunities.ts  kind, horizon, sourceUrl, groupId
 *   activity    activities.ts     links to capacities and opportunities, actors, critical mass, …
 *   action      actions.ts        activityId, type, lead, partners, dates, budget, indicators, …
 *
 * Rules: one doc operation = one transaction; every operation validates its input (zod) and
 * readers tolerate anything a peer may have written (unknown values fall back to defaults).
 */
export * from './meta';
export * from './cards';
export * from './text';
export * from './regions';
export * from './capacities';
export * from './opportunities';
export * from './opportunityGroups';
export * from './opportunityLayout';
export * from './activities';
export * from './actions';
export * from './diamond';
export * from './copy';
export * from './boardsTouched';
export * from './voteResults';
export * from './provenance';
export * from './publishDrafts';
