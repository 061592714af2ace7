/**
 * The comparison's columns: one per region across several workshop records (the same name or NUTS
 * code is the same region), each with its capacities and the activities that concern it.
 */
import type { CapacityKindOrNotSet } from '@shared/domain/s3';
import type { WorkshopRecord } from '@shared/record/schema';

export interface RegionColumn {
  key: string;
  name: string;
  nuts: string;
  workshops: string[];
  capacities: {
    id: string;
    title: string;
    kind: CapacityKindOrNotSet;
    strength: number;
    workshop: string;
  }[];
  activities: { id: string; title: string; rank: number | null; workshop: string }[];
}

/** One column per region across the records (same name or NUTS code: same region). */
export function regionColumns(records: WorkshopRecord[]): RegionColumn[] {
  const columns = new Map<string, RegionColumn>();
  const keyOf = (r: { name: string; nuts: string }) => (r.nuts || r.name).trim().toLowerCase();
  for (const record of records) {
    const title = record.workshop.title;
    const regionOfCapacity = new Map(record.capacities.map((c) => [c.id, c.regionId]));
    for (const region of record.workshop.regions) {
      const key = keyOf(region);
      const column = columns.get(key) ?? {
        key,
        name: region.name,
        nuts: region.nuts,
        workshops: [],
        capacities: [],
        activities: [],
      };
      columns.set(key, column);
      if (!column.workshops.includes(title)) column.workshops.push(title);
      for (const c of record.capacities.filter((c) => c.regionId === region.id)) {
        column.capacities.push({
          id: c.id,
          title: c.title,
          kind: c.kind,
          strength: c.strength,
          workshop: title,
        });
      }
      // An activity belongs to the regions whose capacities, actors or needs it names; one that
      // names none belongs to every region of its workshop.
      for (const a of record.activities) {
        const named = new Set<string | null>([
          ...a.capacityIds.map((id) => regionOfCapacity.get(id) ?? null),
          ...a.actors.map((actor) => actor.regionId),
          ...a.crossRegionalNeeds.map((n) => n.regionId),
        ]);
        named.delete(null);
        if (named.size === 0 || named.has(region.id)) {
          column.activities.push({ id: a.id, title: a.title, rank: a.rank, workshop: title });
        }
      }
    }
  }
  return [...columns.values()];
}
