/**
 * S3-Synergy Diamonds: a radar chart with one axis per capacity field and one polygon per region,
 * computed from the capacity cards. Pure functions; the chart component and the record both use them.
 *
 * An axis collects capacities by kind and/or by their free `field` tag (case-insensitive). A region's
 * value on an axis is the sum of the strengths of its matching capacities, an unjudged capacity
 * (strength 0) counting 1, so a region's polygon grows with both the number and the strength of
 * its capacities. The axes are configurable per workshop:
 *   doc.getArray('diamondAxes')   Y.Array<DiamondAxis> (plain objects); empty = one axis per kind
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { randomId } from '../ids';
import { CAPACITY_KINDS, capacityKindSchema, NOT_SET, type Region } from '../domain/s3';
import type { Capacity } from './capacities';
import { removeItem, replaceItem } from './fieldValues';

export const diamondAxisSchema = z.object({
  id: z.string().min(1).max(64),
  label: z.string().trim().min(1).max(80),
  kinds: z.array(capacityKindSchema).max(CAPACITY_KINDS.length).default([]),
  fields: z.array(z.string().trim().min(1).max(120)).max(50).default([]),
});
export type DiamondAxis = z.infer<typeof diamondAxisSchema>;

export interface DiamondSeries {
  regionId: string;
  regionName: string;
  /** One value per axis, in axis order. */
  values: number[];
  /** Number of capacities behind each value. */
  counts: number[];
}

export interface Diamond {
  axes: DiamondAxis[];
  series: DiamondSeries[];
  /** The largest value of any region on any axis (the chart's outer ring); at least 1. */
  max: number;
}

/** The default axes: one per capacity kind, labelled by the kind (the UI translates it). */
export const DEFAULT_DIAMOND_AXES: DiamondAxis[] = CAPACITY_KINDS.map((kind) => ({
  id: `kind:${kind}`,
  label: kind,
  kinds: [kind],
  fields: [],
}));

export function diamondAxesArray(doc: Y.Doc): Y.Array<DiamondAxis> {
  return doc.getArray('diamondAxes');
}

export function readDiamondAxes(doc: Y.Doc): DiamondAxis[] {
  const axes = diamondAxesArray(doc)
    .toArray()
    .flatMap((a) => {
      const parsed = diamondAxisSchema.safeParse(a);
      return parsed.success ? [parsed.data] : [];
    });
  return axes.length > 0 ? axes : DEFAULT_DIAMOND_AXES;
}

/** Replaces the default axes by custom ones the first time the facilitator edits them. */
export function addDiamondAxis(
  doc: Y.Doc,
  axis: Omit<z.input<typeof diamondAxisSchema>, 'id'>,
): string {
  const valid = diamondAxisSchema.parse({ ...axis, id: randomId() });
  const axes = diamondAxesArray(doc);
  doc.transact(() => {
    if (axes.length === 0) axes.push(DEFAULT_DIAMOND_AXES);
    axes.push([valid]);
  });
  return valid.id;
}

export function updateDiamondAxis(doc: Y.Doc, axis: z.input<typeof diamondAxisSchema>): boolean {
  const valid = diamondAxisSchema.parse(axis);
  const axes = diamondAxesArray(doc);
  let found = false;
  doc.transact(() => {
    if (axes.length === 0) axes.push(DEFAULT_DIAMOND_AXES);
    found = replaceItem(axes, valid.id, valid);
  });
  return found;
}

export function removeDiamondAxis(doc: Y.Doc, axisId: string): boolean {
  const axes = diamondAxesArray(doc);
  let found = false;
  doc.transact(() => {
    if (axes.length === 0) axes.push(DEFAULT_DIAMOND_AXES);
    found = removeItem(axes, axisId);
  });
  return found;
}

/** Back to one axis per kind. */
export function resetDiamondAxes(doc: Y.Doc): void {
  const axes = diamondAxesArray(doc);
  axes.delete(0, axes.length);
}

export function axisMatches(axis: DiamondAxis, capacity: Capacity): boolean {
  if (capacity.kind !== NOT_SET && axis.kinds.includes(capacity.kind)) return true;
  const field = capacity.field.trim().toLowerCase();
  return field !== '' && axis.fields.some((f) => f.trim().toLowerCase() === field);
}

/** The diamond of the given regions (in their order); capacities of other regions are ignored. */
export function computeDiamond(
  capacities: readonly Capacity[],
  regions: Region[],
  axes: DiamondAxis[],
): Diamond {
  let max = 1;
  const series = regions.map((region) => {
    const own = capacities.filter((c) => c.regionId === region.id);
    const values: number[] = [];
    const counts: number[] = [];
    for (const axis of axes) {
      const matching = own.filter((c) => axisMatches(axis, c));
      const value = matching.reduce((sum, c) => sum + Math.max(1, c.strength), 0);
      values.push(value);
      counts.push(matching.length);
      max = Math.max(max, value);
    }
    return { regionId: region.id, regionName: region.name, values, counts };
  });
  return { axes, series, max };
}
