/** The live diamond of the workshop: recomputed (at most every 100 ms) as cards, regions or axes change. */
import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { Region } from '@shared/domain/s3';
import {
  cardsMap,
  computeDiamond,
  DEFAULT_DIAMOND_AXES,
  diamondAxesArray,
  listCapacities,
  readDiamondAxes,
  type Diamond,
  type DiamondAxis,
} from '@shared/doc';
import { CAPACITY_KINDS, type CapacityKind } from '@shared/domain/s3';
import { useYValue } from '@client/sync/useY';

const THROTTLE_MS = 100;

const readAxes = (axes: Y.Array<DiamondAxis>) =>
  axes.doc ? readDiamondAxes(axes.doc) : DEFAULT_DIAMOND_AXES;

export function useDiamondAxes(doc: Y.Doc): DiamondAxis[] {
  return useYValue(diamondAxesArray(doc), readAxes);
}

export function useDiamond(doc: Y.Doc, regions: Region[]): Diamond {
  const axes = useDiamondAxes(doc);
  const [capacities, setCapacities] = useState(() => listCapacities(doc));

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onChange = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        setCapacities(listCapacities(doc));
      }, THROTTLE_MS);
    };
    const cards = cardsMap(doc);
    cards.observeDeep(onChange);
    setCapacities(listCapacities(doc));
    return () => {
      cards.unobserveDeep(onChange);
      if (timer) clearTimeout(timer);
    };
  }, [doc]);

  return useMemo(() => computeDiamond(capacities, regions, axes), [capacities, regions, axes]);
}

/** Default axes carry the kind as their label: show it translated until someone renames it. */
export function isKindLabel(axis: DiamondAxis): axis is DiamondAxis & { label: CapacityKind } {
  return (
    axis.id === `kind:${axis.label}` && (CAPACITY_KINDS as readonly string[]).includes(axis.label)
  );
}

export { niceScale } from '@shared/charts/radar';
