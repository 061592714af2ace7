/**
 * The live diamond of the workshop, recomputed as capacities, regions or axes change. The capacities
 * are read incrementally (a change re-reads the cards it touched), and the diamond follows them at
 * a lower priority than typing (useDeferredValue).
 */
import { useDeferredValue, useMemo } from 'react';
import type * as Y from 'yjs';
import type { Region } from '@shared/domain/s3';
import {
  computeDiamond,
  DEFAULT_DIAMOND_AXES,
  diamondAxesArray,
  readCapacity,
  readDiamondAxes,
  type Diamond,
  type DiamondAxis,
} from '@shared/doc';
import { CAPACITY_KINDS, type CapacityKind } from '@shared/domain/s3';
import { useCardsOfType } from '@client/sync/useCards';
import { useYValue } from '@client/sync/useY';

const readAxes = (axes: Y.Array<DiamondAxis>) =>
  axes.doc ? readDiamondAxes(axes.doc) : DEFAULT_DIAMOND_AXES;

export function useDiamondAxes(doc: Y.Doc): DiamondAxis[] {
  return useYValue(diamondAxesArray(doc), readAxes);
}

export function useDiamond(doc: Y.Doc, regions: Region[]): Diamond {
  const axes = useDiamondAxes(doc);
  const capacities = useDeferredValue(useCardsOfType(doc, 'capacity', readCapacity).list);
  return useMemo(() => computeDiamond(capacities, regions, axes), [capacities, regions, axes]);
}

/** Default axes carry the kind as their label: show it translated until someone renames it. */
export function isKindLabel(axis: DiamondAxis): axis is DiamondAxis & { label: CapacityKind } {
  return (
    axis.id === `kind:${axis.label}` && (CAPACITY_KINDS as readonly string[]).includes(axis.label)
  );
}

export { niceScale } from '@shared/charts/radar';
