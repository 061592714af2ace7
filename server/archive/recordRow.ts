/** A validated record as storage keeps it: its summary, the columns search filters on, the JSON. */
import type { RecordSummary } from '../../shared/record/api';
import { recordQuestionnaires, type WorkshopRecord } from '../../shared/record/schema';
import type { RecordRow } from '../storage/storage';

export function summarise(record: WorkshopRecord): RecordSummary {
  const { workshop, provenance } = record;
  return {
    workshopId: workshop.id,
    version: provenance.recordVersion,
    kind: provenance.kind,
    archivedAt: provenance.archivedAt,
    schemaVersion: record.schemaVersion,
    title: workshop.title,
    template: workshop.template,
    field: workshop.field,
    regions: workshop.regions.map((r) => r.name),
    createdAt: workshop.dates.createdAt,
    // The day it was held: when its first phase started, else when it was created.
    heldOn: (workshop.dates.firstPhaseStartedAt ?? workshop.dates.createdAt).slice(0, 10),
  };
}

export function toRecordRow(record: WorkshopRecord): RecordRow {
  const { workshop } = record;
  return {
    ...summarise(record),
    searchText: [
      workshop.title,
      workshop.field,
      ...record.capacities.map((c) => c.title),
      ...record.activities.map((a) => a.title),
      // Organisers search what people wrote in questionnaires (issue 12): text answers only, so
      // a search never matches a name (an anonymous questionnaire's record holds none anyway).
      ...recordQuestionnaires(record).flatMap((q) =>
        q.responses.flatMap((r) =>
          Object.values(r.answers).flatMap((a) =>
            a.type === 'short-text' || a.type === 'long-text' ? [a.value] : [],
          ),
        ),
      ),
    ]
      .join('\n')
      .toLowerCase(),
    regionKeys: workshop.regions
      .flatMap((r) => [r.name, r.nuts])
      .filter((key) => key !== '')
      .map((key) => key.toLowerCase()),
    json: JSON.stringify(record),
  };
}
