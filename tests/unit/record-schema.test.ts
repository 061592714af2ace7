/** The record schema refuses malformed records, its JSON Schema describes them, rich text round-trips. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { extractRecord } from '../../shared/record/extract';
import { readRichText, writeRichText } from '../../shared/record/richText';
import {
  RECORD_SCHEMA_VERSION,
  recordJsonSchema,
  recordSchema,
  type WorkshopRecord,
} from '../../shared/record/schema';
import { recordSearchQuerySchema, fromRecordRequestSchema } from '../../shared/record/api';
import { FIXTURE_ARCHIVED_AT, buildFixtureWorkshop } from '../fixtures/recordWorkshop';

/** Records broken on purpose, reached into freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

function validRecord(): WorkshopRecord {
  const { doc, control, people, workshop } = buildFixtureWorkshop();
  return extractRecord(doc, control, people, {
    version: 1,
    kind: 'archive',
    archivedAt: FIXTURE_ARCHIVED_AT,
    workshop,
  });
}

/** The first issue's path, or null when the record is accepted. */
function refusal(change: (record: Loose) => void): string | null {
  const record = structuredClone(validRecord()) as Loose;
  change(record);
  const result = recordSchema.safeParse(record);
  return result.success ? null : result.error.issues[0]!.path.join('.');
}

describe('recordSchema', () => {
  it('accepts the fixture record', () => {
    expect(refusal(() => {})).toBeNull();
  });

  it.each([
    [
      'an unknown schema version',
      (r: Loose) => (r.schemaVersion = RECORD_SCHEMA_VERSION + 1),
      'schemaVersion',
    ],
    ['a missing section', (r: Loose) => delete r.actions, 'actions'],
    ['an unknown template', (r: Loose) => (r.workshop.template = 'hackathon'), 'workshop.template'],
    [
      'a date that is not ISO',
      (r: Loose) => (r.workshop.dates.archivedAt = 'yesterday'),
      'workshop.dates.archivedAt',
    ],
    ['a negative count', (r: Loose) => (r.participants.total = -1), 'participants.total'],
    ['a strength above 5', (r: Loose) => (r.capacities[0].strength = 6), 'capacities.0.strength'],
    [
      'an unknown activity status',
      (r: Loose) => (r.activities[0].status = 'maybe'),
      'activities.0.status',
    ],
    [
      'an impossible action date',
      (r: Loose) => (r.actions[0].start = '2027-02-30'),
      'actions.0.start',
    ],
    ['a negative budget', (r: Loose) => (r.actions[0].budget = -1), 'actions.0.budget'],
    ['version 0', (r: Loose) => (r.provenance.recordVersion = 0), 'provenance.recordVersion'],
    ['an unknown record kind', (r: Loose) => (r.provenance.kind = 'draft'), 'provenance.kind'],
    [
      'rich text without its structure',
      (r: Loose) => delete r.capacities[0].description.doc,
      'capacities.0.description.doc',
    ],
    [
      'a rich-text node with a bad name',
      (r: Loose) => (r.capacities[0].description.doc.content[0].type = '<script>'),
      'capacities.0.description.doc.content.0.type',
    ],
  ])('refuses %s', (_what, change, path) => {
    expect(refusal(change)).toBe(path);
  });

  it('is served as a JSON Schema that requires every section', () => {
    const schema = recordJsonSchema() as {
      $schema: string;
      required: string[];
      properties: Record<string, unknown>;
      $defs: Record<string, unknown>;
    };
    expect(schema.$schema).toContain('2020-12');
    // Every section but the questionnaires, which version-1 records do not have (issue 12;
    // tests/unit/record-questionnaires.test.ts checks their JSON Schema).
    const keys = Object.keys(validRecord());
    expect(schema.required).toEqual(keys.filter((k) => k !== 'questionnaires'));
    expect(Object.keys(schema.properties)).toEqual(keys);
    expect(Object.keys(schema.$defs)).toEqual(expect.arrayContaining(['RichText', 'RichTextNode']));
  });
});

describe('rich text', () => {
  function body(): Y.XmlFragment {
    const doc = new Y.Doc();
    return doc.getXmlFragment('body');
  }

  it('reads headings, numbered lists, quotes and breaks as plain text lines', () => {
    const fragment = body();
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as never);
    heading.insert(0, [new Y.XmlText('Goals')]);
    const list = new Y.XmlElement('orderedList');
    const item = new Y.XmlElement('listItem');
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('first')]);
    item.insert(0, [p]);
    list.insert(0, [item]);
    const quote = new Y.XmlElement('blockquote');
    const q = new Y.XmlElement('paragraph');
    q.insert(0, [new Y.XmlText('line one'), new Y.XmlElement('hardBreak'), new Y.XmlText('two')]);
    quote.insert(0, [q]);
    fragment.insert(0, [heading, list, quote]);

    const rich = readRichText(fragment);
    expect(rich.text).toBe('Goals\n1. first\n> line one\n> two');
    expect(rich.doc.content[0]).toEqual({
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: 'Goals' }],
    });

    const copy = body();
    writeRichText(copy, rich);
    expect(readRichText(copy)).toEqual(rich);
  });

  it('treats a body holding one empty paragraph as empty', () => {
    const fragment = body();
    fragment.insert(0, [new Y.XmlElement('paragraph')]);
    expect(readRichText(fragment)).toEqual({ text: '', doc: { type: 'doc', content: [] } });
  });
});

describe('records API input', () => {
  it('validates search parameters with clear messages', () => {
    expect(recordSearchQuerySchema.parse({ q: '', page: '2' })).toMatchObject({
      page: 2,
      pageSize: 20,
    });
    const bad = (query: object) => recordSearchQuerySchema.safeParse(query).error?.issues[0];
    expect(bad({ template: 'x' })?.message).toMatch(/template must be one of/);
    expect(bad({ from: '2026-13-01' })?.path).toEqual(['from']);
    expect(bad({ from: '2026-12-01', to: '2026-11-01' })?.message).toBe(
      'from must not be after to',
    );
    expect(bad({ page: '0' })?.path).toEqual(['page']);
    expect(bad({ colour: 'red' })?.code).toBe('unrecognized_keys');
  });

  it('requires records, a template and a title to import', () => {
    const bad = (body: object) => fromRecordRequestSchema.safeParse(body).error?.issues[0]?.message;
    const record = { workshopId: 'A'.repeat(22) };
    expect(bad({ records: [], template: 'adw', title: 'x' })).toBe('name at least one record');
    expect(bad({ records: [record, record], template: 'adw', title: 'x' })).toBe(
      'each workshop may appear once',
    );
    expect(bad({ records: [record], template: 'self-assessment', title: 'x' })).toMatch(/template/);
    expect(
      fromRecordRequestSchema.safeParse({ records: [record], template: 'cedw', title: 'x' })
        .success,
    ).toBe(true);
  });
});
