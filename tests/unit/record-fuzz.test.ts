/**
 * Export and archive never fail on a doc clients could produce (issue 9). Property: start from a
 * realistic workshop (the record fixture), let a hostile client write anything anywhere
 * (tests/support/hostileDoc.ts), send the doc to the server as an update; the record extracted
 * from it passes `recordSchema`, keeps the server's facts about the workshop, and every exporter
 * (JSON, CSV ZIP, Markdown, the HTML report that the PDF prints) renders it without throwing.
 * 2,000 cases, bounded by small docs and few writes per case.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  exportCsvZip,
  exportHtml,
  exportJson,
  exportMarkdown,
} from '../../server/archive/exporters';
import { extractRecord } from '../../shared/record/extract';
import { recordSchema } from '../../shared/record/schema';
import { FIXTURE_ARCHIVED_AT, buildFixtureWorkshop } from '../fixtures/recordWorkshop';
import { applyHostileWrites, hostileWrites, throughTheWire } from '../support/hostileDoc';

const fixture = buildFixtureWorkshop();
const base = Y.encodeStateAsUpdate(fixture.doc);
const cardIds = [...fixture.doc.getMap('cards').keys()].sort();
const meta = {
  version: 4,
  kind: 'snapshot' as const,
  archivedAt: FIXTURE_ARCHIVED_AT,
  workshop: fixture.workshop,
};

describe('the record of a doc hostile clients wrote into', () => {
  it('is valid, keeps the server’s workshop facts, and exports in every format', () => {
    fc.assert(
      fc.property(hostileWrites(cardIds), (writes) => {
        const client = new Y.Doc();
        Y.applyUpdate(client, base);
        applyHostileWrites(client, writes);
        const doc = throughTheWire(client);

        const record = extractRecord(doc, fixture.control, fixture.people, meta);
        const parsed = recordSchema.safeParse(record);
        if (!parsed.success) {
          const issues = parsed.error.issues.slice(0, 3);
          throw new Error(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
        }
        expect(parsed.data.workshop).toMatchObject({
          id: fixture.workshop.id,
          template: fixture.workshop.template,
          dates: { createdAt: fixture.workshop.createdAt },
        });
        expect(exportJson(parsed.data)).not.toBe('');
        expect(exportCsvZip(parsed.data).byteLength).toBeGreaterThan(0);
        expect(exportMarkdown(parsed.data)).not.toBe('');
        expect(exportHtml(parsed.data)).toContain('</html>');
        doc.destroy();
        client.destroy();
      }),
      { numRuns: 2_000 },
    );
  }, 120_000);
});
