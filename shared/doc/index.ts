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
 *     type:      CardType           'note' today; the S3 boards add capacity, opportunity, activity, action
 *     boardId:   string             which board the card sits on
 *     title:     Y.Text             co-edited character by character
 *     body:      Y.XmlFragment      rich text (Tiptap / ProseMirror document)
 *     x, y:      number             top-left corner in board coordinates (px at zoom 1)
 *     z:         number             stacking order; larger is in front
 *     color:     CardColor
 *     createdBy: string             display name of the author
 *     createdAt, updatedAt: number  ms since epoch
 *
 * Type-specific fields of later card types live beside these in the same Y.Map, so a board can show
 * any card and a card can move between views without being copied.
 */
export * from './meta';
export * from './cards';
export * from './text';
