/**
 * Starting a workshop from archived records: an ADW/cADW takes the selected activities of each
 * record (with the capacities and opportunities they combine and their actions), an EDW/cEDW the
 * whole of each record (several regions' EDWs → one cEDW, regions merged). Provenance: every card
 * names its source card and record version, and the doc lists the records in meta.sources.
 */
import type { z } from 'zod';
import type { RoleMap } from '../../shared/domain/workshop';
import type { fromRecordRequestSchema } from '../../shared/record/api';
import { recordSchema, type WorkshopRecord } from '../../shared/record/schema';
import { recordToDoc, selectedActivityIds } from '../../shared/record/toDoc';
import type { Records, WorkshopRow } from '../storage/storage';
import type { WorkshopService } from '../workshops/workshopService';
import { ArchiveError } from './archiveService';

export interface ImportResult {
  workshop: WorkshopRow;
  tokens: RoleMap<string>;
  sources: { workshopId: string; version: number }[];
  copiedActivities: number;
}

export async function createFromRecords(
  storage: Records,
  workshops: WorkshopService,
  input: z.output<typeof fromRecordRequestSchema>,
): Promise<ImportResult> {
  const records: WorkshopRecord[] = [];
  for (const ref of input.records) {
    const stored = await storage.getRecord(ref.workshopId, ref.version);
    if (!stored) {
      throw new ArchiveError(
        404,
        ref.version === undefined
          ? `workshop ${ref.workshopId} has no record`
          : `workshop ${ref.workshopId} has no record version ${ref.version}`,
      );
    }
    const parsed = recordSchema.safeParse(JSON.parse(stored.json));
    if (!parsed.success) {
      throw new ArchiveError(
        422,
        `record ${ref.workshopId} v${stored.summary.version} cannot be imported (schema version ${stored.summary.schemaVersion})`,
      );
    }
    records.push(parsed.data);
  }

  const followUp = input.template === 'adw' || input.template === 'cadw';
  const chosen = records.map((record) => {
    if (!followUp) return undefined;
    const ids = new Set(record.activities.map((a) => a.id));
    return input.activityIds
      ? input.activityIds.filter((id) => ids.has(id))
      : selectedActivityIds(record);
  });
  const copiedActivities = followUp
    ? chosen.reduce((sum, ids) => sum + (ids?.length ?? 0), 0)
    : records.reduce((sum, r) => sum + r.activities.length, 0);
  if (followUp && copiedActivities === 0) {
    throw new ArchiveError(
      409,
      input.activityIds
        ? 'none of the given activities is in these records'
        : 'no selected activities in these records: an ADW starts from selected activities',
    );
  }

  // A follow-up leaves out records none of whose activities it takes.
  const used = records.flatMap((record, i) => {
    const activityIds = chosen[i];
    return activityIds?.length === 0 ? [] : [{ record, activityIds }];
  });
  const { workshop, tokens } = await workshops.create(
    { title: input.title, template: input.template },
    (doc) => {
      for (const { record, activityIds } of used) {
        recordToDoc(record, doc, activityIds ? { activityIds } : {});
      }
    },
  );
  return {
    workshop,
    tokens,
    sources: used.map(({ record }) => ({
      workshopId: record.workshop.id,
      version: record.provenance.recordVersion,
    })),
    copiedActivities,
  };
}
