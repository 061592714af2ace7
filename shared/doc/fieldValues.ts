/** Small readers for values inside a card's Y.Map, tolerant of anything a peer may have written. */
import * as Y from 'yjs';
import type { z } from 'zod';

export function enumOr<T extends string>(schema: z.ZodType<T>, value: unknown, fallback: T): T {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

/** The keys of a Y.Map used as a set (concurrent adds of the same id merge). */
export function idSet(value: unknown): string[] {
  return value instanceof Y.Map ? [...value.keys()].sort() : [];
}

export function textOf(value: unknown): string {
  return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '';
}

/**
 * Each item's parse, per schema. An item of a Y.Array is never changed in place (an edit replaces
 * it: replaceItem), so it is parsed once: the capacity map reads 2,000 cards' holders in one pass.
 */
const parsedItems = new WeakMap<z.ZodType, WeakMap<object, { data: unknown } | null>>();

/** Plain objects of a Y.Array that pass `schema`; others are skipped, never thrown on. */
export function validItems<T>(value: unknown, schema: z.ZodType<T>): T[] {
  if (!(value instanceof Y.Array)) return [];
  let parsed = parsedItems.get(schema);
  if (!parsed) parsedItems.set(schema, (parsed = new WeakMap()));
  const out: T[] = [];
  for (const item of value.toArray()) {
    if (typeof item !== 'object' || item === null) continue;
    let known = parsed.get(item);
    if (known === undefined) {
      const result = schema.safeParse(item);
      known = result.success ? { data: result.data } : null;
      parsed.set(item, known);
    }
    // A copy each time: what one reader does with its items is not the next reader's business.
    if (known) out.push({ ...(known.data as object) } as T);
  }
  return out;
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Replaces the item with `id` in a Y.Array of plain objects; false when not found. */
export function replaceItem<T extends { id: string }>(
  array: Y.Array<T>,
  id: string,
  next: T,
): boolean {
  const index = array.toArray().findIndex((item) => item.id === id);
  if (index < 0) return false;
  array.delete(index, 1);
  array.insert(index, [next]);
  return true;
}

export function removeItem<T extends { id: string }>(array: Y.Array<T>, id: string): boolean {
  const index = array.toArray().findIndex((item) => item.id === id);
  if (index < 0) return false;
  array.delete(index, 1);
  return true;
}

/**
 * Validates a partial update against a type's field schema and keeps only the keys the caller gave.
 * (zod fills `.default()`s even in `.partial()` schemas, which would silently reset other fields.)
 */
export function parsePatch<S extends z.ZodObject>(schema: S, patch: object): Partial<z.output<S>> {
  const parsed = schema.partial().parse(patch) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(patch)) {
    if (parsed[key] !== undefined) out[key] = parsed[key];
  }
  return out as Partial<z.output<S>>;
}

/** Writes validated plain fields onto a card's Y.Map. */
export function setFields(card: Y.Map<unknown>, fields: object): void {
  for (const [key, value] of Object.entries(fields)) card.set(key, value);
}
