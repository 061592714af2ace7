/**
 * Where a workshop's content came from.
 *   doc.getMap('meta').sources   SourceRecord[] (plain objects): the archived records a workshop was
 *                                started from (POST /api/workshops/from-record), oldest first
 *   card.provenance              CardProvenance | null (cards.ts): the card a copy was made from
 * Activities read their provenance in activities.ts; these accessors serve every card type.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { cardProvenanceSchema, getCard, type CardProvenance } from './cards';
import { metaMap } from './meta';

export const sourceRecordSchema = z.object({
  workshopId: z.string().min(1).max(64),
  /** The record version imported; null when content was copied from a live workshop. */
  version: z.number().int().min(1).nullable(),
});
export type SourceRecord = z.infer<typeof sourceRecordSchema>;

/** The records this workshop was started from (empty for a workshop started from scratch). */
export function readSources(doc: Y.Doc): SourceRecord[] {
  const value = metaMap(doc).get('sources');
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    const parsed = sourceRecordSchema.safeParse(v);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Adds sources (validated), keeping each workshop/version pair once. */
export function addSources(doc: Y.Doc, sources: SourceRecord[]): void {
  const valid = z.array(sourceRecordSchema).parse(sources);
  const current = readSources(doc);
  const key = (s: SourceRecord) => `${s.workshopId}@${s.version ?? ''}`;
  const known = new Set(current.map(key));
  const next = [...current];
  for (const source of valid) {
    if (known.has(key(source))) continue;
    known.add(key(source));
    next.push(source);
  }
  metaMap(doc).set('sources', next);
}

/** The provenance of any card (null when it was made here, or the card is gone). */
export function readCardProvenance(doc: Y.Doc, cardId: string): CardProvenance | null {
  const card = getCard(doc, cardId);
  if (!(card instanceof Y.Map)) return null;
  const parsed = cardProvenanceSchema.safeParse(card.get('provenance'));
  return parsed.success ? parsed.data : null;
}

/** Records where a card was copied from; false when the card does not exist. */
export function setCardProvenance(doc: Y.Doc, cardId: string, provenance: CardProvenance): boolean {
  const card = getCard(doc, cardId);
  if (!(card instanceof Y.Map)) return false;
  card.set('provenance', cardProvenanceSchema.parse(provenance));
  return true;
}
