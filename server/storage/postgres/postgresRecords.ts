/**
 * The archive's part of the PostgreSQL storage: record versions (immutable: a trigger refuses any
 * UPDATE, the primary key a second write of a version), search and settings. The search matches
 * SQLite's (../sqlite/sqliteRecords.ts): every word a substring of the search text, a region one
 * whole key, template exact, field a substring, held-on bounds inclusive, the same order and paging.
 */
import type pg from 'pg';
import type { WorkshopStatus } from '../../../shared/domain/workshop';
import type { RecordSearchItem, RecordSummary } from '../../../shared/record/api';
import type { RecordRow, RecordSearch } from '../storage';

const SUMMARY_COLUMNS = `r.workshop_id AS "workshopId", r.version, r.kind, r.archived_at AS "archivedAt",
  r.schema_version AS "schemaVersion", r.title, r.template, r.field, r.regions,
  r.created_at AS "createdAt", r.held_on AS "heldOn"`;

type SummaryDbRow = Omit<RecordSummary, 'regions'> & { regions: string };

function toSummary(row: SummaryDbRow): RecordSummary {
  const { regions, ...rest } = row;
  const parsed: unknown = JSON.parse(regions);
  return { ...rest, regions: Array.isArray(parsed) ? parsed.map(String) : [] };
}

/** `%` and `_` match literally in a LIKE … ESCAPE '\' pattern. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export class PostgresRecords {
  constructor(private readonly pool: pg.Pool) {}

  async insertRecord(r: RecordRow): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO records (workshop_id, version, kind, archived_at, schema_version, title,
           template, field, regions, created_at, held_on, search_text, region_keys, field_key, record)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          r.workshopId,
          r.version,
          r.kind,
          r.archivedAt,
          r.schemaVersion,
          r.title,
          r.template,
          r.field,
          JSON.stringify(r.regions),
          r.createdAt,
          r.heldOn,
          r.searchText,
          r.regionKeys,
          r.field.toLowerCase(),
          r.json,
        ],
      );
      if (r.kind === 'archive') {
        await client.query(`UPDATE workshops SET status = 'archived' WHERE id = $1`, [
          r.workshopId,
        ]);
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async latestRecordVersion(workshopId: string): Promise<number> {
    const { rows } = await this.pool.query<{ version: number }>(
      'SELECT coalesce(max(version), 0) AS version FROM records WHERE workshop_id = $1',
      [workshopId],
    );
    return rows[0]!.version;
  }

  async getRecord(
    workshopId: string,
    version?: number,
  ): Promise<{ summary: RecordSummary; json: string } | null> {
    const { rows } = await this.pool.query<SummaryDbRow & { record: string }>(
      version === undefined
        ? `SELECT ${SUMMARY_COLUMNS}, r.record FROM records r WHERE r.workshop_id = $1
           ORDER BY r.version DESC LIMIT 1`
        : `SELECT ${SUMMARY_COLUMNS}, r.record FROM records r
           WHERE r.workshop_id = $1 AND r.version = $2`,
      version === undefined ? [workshopId] : [workshopId, version],
    );
    const row = rows[0];
    if (!row) return null;
    const { record, ...summary } = row;
    return { summary: toSummary(summary), json: record };
  }

  async listRecords(workshopId: string): Promise<RecordSummary[]> {
    const { rows } = await this.pool.query<SummaryDbRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM records r WHERE r.workshop_id = $1 ORDER BY r.version`,
      [workshopId],
    );
    return rows.map(toSummary);
  }

  async searchRecords(search: RecordSearch): Promise<{ items: RecordSearchItem[]; total: number }> {
    const where = [
      'r.version = (SELECT max(m.version) FROM records m WHERE m.workshop_id = r.workshop_id)',
    ];
    const params: (string | number)[] = [];
    const param = (value: string | number) => {
      params.push(value);
      return `$${params.length}`;
    };
    for (const word of search.words) {
      where.push(`r.search_text LIKE ${param(`%${likeLiteral(word)}%`)} ESCAPE '\\'`);
    }
    if (search.region) where.push(`${param(search.region)} = ANY (r.region_keys)`);
    if (search.template) where.push(`r.template = ${param(search.template)}`);
    if (search.field) {
      where.push(`r.field_key LIKE ${param(`%${likeLiteral(search.field)}%`)} ESCAPE '\\'`);
    }
    if (search.from) where.push(`r.held_on >= ${param(search.from)}`);
    if (search.to) where.push(`r.held_on <= ${param(search.to)}`);
    const filter = where.join(' AND ');
    const count = await this.pool.query<{ n: number }>(
      `SELECT count(*)::integer AS n FROM records r WHERE ${filter}`,
      params,
    );
    const limit = param(search.limit);
    const offset = param(search.offset);
    // COLLATE "C": byte order, as SQLite compares text, whatever the database's locale.
    const { rows } = await this.pool.query<
      SummaryDbRow & { status: WorkshopStatus; versions: number }
    >(
      `SELECT ${SUMMARY_COLUMNS}, w.status,
         (SELECT count(*)::integer FROM records c WHERE c.workshop_id = r.workshop_id) AS versions
       FROM records r JOIN workshops w ON w.id = r.workshop_id
       WHERE ${filter}
       ORDER BY r.held_on COLLATE "C" DESC, r.archived_at COLLATE "C" DESC,
         r.workshop_id COLLATE "C"
       LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return {
      total: count.rows[0]!.n,
      items: rows.map(({ status, versions, ...summary }) => ({
        ...toSummary(summary),
        status,
        versions,
      })),
    };
  }

  async getSetting(key: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ value: string }>(
      'SELECT value FROM settings WHERE key = $1',
      [key],
    );
    return rows[0]?.value ?? null;
  }

  async initSetting(key: string, value: string): Promise<string> {
    await this.pool.query(
      'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
      [key, value],
    );
    return (await this.getSetting(key))!;
  }
}
