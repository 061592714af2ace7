import type * as Y from 'yjs';
import { workshopTemplateSchema, type WorkshopTemplate } from '../domain/workshop';
import { enumOr } from './fieldValues';

export const DOC_SCHEMA_VERSION = 1;

export interface WorkshopMeta {
  schemaVersion: number;
  workshopId: string;
  title: string;
  template: WorkshopTemplate;
  createdAt: number;
}

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

/** Writes the facts of a new workshop; called once, by the server, when the workshop is created. */
export function initWorkshopDoc(
  doc: Y.Doc,
  meta: Omit<WorkshopMeta, 'schemaVersion' | 'createdAt'> & { createdAt?: number },
): void {
  doc.transact(() => {
    const map = metaMap(doc);
    map.set('schemaVersion', DOC_SCHEMA_VERSION);
    map.set('workshopId', meta.workshopId);
    map.set('title', meta.title);
    map.set('template', meta.template);
    map.set('createdAt', meta.createdAt ?? Date.now());
  });
}

/** The workshop facts, or null while the doc has not been synced yet. */
export function readMeta(doc: Y.Doc): WorkshopMeta | null {
  const map = metaMap(doc);
  const workshopId = map.get('workshopId');
  if (typeof workshopId !== 'string') return null;
  return {
    schemaVersion: numberOr(map.get('schemaVersion'), DOC_SCHEMA_VERSION),
    workshopId,
    title: stringOr(map.get('title'), ''),
    template: enumOr(workshopTemplateSchema, map.get('template'), 'edw'),
    createdAt: numberOr(map.get('createdAt'), 0),
  };
}

export function setWorkshopTitle(doc: Y.Doc, title: string): void {
  metaMap(doc).set('title', title);
}

export function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}
