/** The record as JSON, pretty-printed: exactly what `GET /api/workshops/:id/record` returns. */
import type { WorkshopRecord } from '../../../shared/record/schema';

export function exportJson(record: WorkshopRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
