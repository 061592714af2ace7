/**
 * The workshop's field/topic, language and regions (the facilitator edits them).
 *   doc.getMap('meta').field / .language   strings
 *   doc.getArray('regions')                Y.Array<Region> (plain objects; an edit replaces one)
 */
import type * as Y from 'yjs';
import { randomId } from '../ids';
import { regionSchema, type Region } from '../domain/s3';
import { metaMap, stringOr } from './meta';
import { isLanguage, type Language } from '../i18n/languages';

export const WORKSHOP_FIELD_MAX = 300;

export function regionsArray(doc: Y.Doc): Y.Array<Region> {
  return doc.getArray('regions');
}

/** The valid regions, as their schema reads them (a peer's region without a country has ''). */
export function listRegions(doc: Y.Doc): Region[] {
  return regionsArray(doc)
    .toArray()
    .flatMap((r) => {
      const parsed = regionSchema.safeParse(r);
      return parsed.success ? [parsed.data] : [];
    });
}

export function regionName(doc: Y.Doc, regionId: string): string | undefined {
  return listRegions(doc).find((r) => r.id === regionId)?.name;
}

/** Adds a region (validated); returns its id. */
export function addRegion(doc: Y.Doc, input: Omit<Region, 'id'> & { id?: string }): string {
  const region = regionSchema.parse({ ...input, id: input.id ?? randomId() });
  regionsArray(doc).push([region]);
  return region.id;
}

export function updateRegion(doc: Y.Doc, id: string, patch: Partial<Omit<Region, 'id'>>): boolean {
  const regions = regionsArray(doc);
  const index = regions.toArray().findIndex((r) => r.id === id);
  if (index < 0) return false;
  const next = regionSchema.parse({ ...regions.get(index), ...patch, id });
  doc.transact(() => {
    regions.delete(index, 1);
    regions.insert(index, [next]);
  });
  return true;
}

/** Removes a region; cards keep its id and show it as an unknown region. */
export function removeRegion(doc: Y.Doc, id: string): boolean {
  const regions = regionsArray(doc);
  const index = regions.toArray().findIndex((r) => r.id === id);
  if (index < 0) return false;
  regions.delete(index, 1);
  return true;
}

export function setWorkshopField(doc: Y.Doc, field: string): void {
  metaMap(doc).set('field', field.trim().slice(0, WORKSHOP_FIELD_MAX));
}

export function readWorkshopField(doc: Y.Doc): string {
  return stringOr(metaMap(doc).get('field'), '');
}

export function setWorkshopLanguage(doc: Y.Doc, language: Language): void {
  if (isLanguage(language)) metaMap(doc).set('language', language);
}

/** The workshop's UI language; 'en' (the app's default) when unset or not one the app speaks. */
export function readWorkshopLanguage(doc: Y.Doc): Language {
  const language = metaMap(doc).get('language');
  return isLanguage(language) ? language : 'en';
}
