/**
 * The archive's part of the SQLite storage: workshop status, record versions (immutable: a trigger
 * refuses any UPDATE, the primary key any second write of a version), search, and settings.
 * SqliteStorage delegates to it.
 */
import type Database from 'better-sqlite3';
import type { WorkshopStatus } from '../../../shared/domain/workshop';
import type { RecordSearchItem, RecordSummary } from '../../../shared/record/api';
import type { RecordRow, RecordSearch } from '../storage';

const SUMMARY_COLUMNS = `r.workshop_id AS workshopId, r.version, r.kind, r.archived_at AS archivedAt,
  r.schema_version AS schemaVersion, r.title, r.template, r.field, r.regions,
  r.created_at AS createdAt, r.held_on AS heldOn`;

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

export class SqliteRecords {
  private readonly stmt;
  private readonly searchStatements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      getStatus: db.prepare('SELECT status FROM workshops WHERE id = ?'),
      setStatus: db.prepare('UPDATE workshops SET status = ? WHERE id = ?'),
      insertRecord: db.prepare(
        `INSERT INTO records (workshop_id, version, kind, archived_at, schema_version, title, template,
           field, regions, created_at, held_on, search_text, region_keys, field_key, record)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      latestVersion: db.prepare(
        'SELECT coalesce(max(version), 0) AS version FROM records WHERE workshop_id = ?',
      ),
      getVersion: db.prepare(
        `SELECT ${SUMMARY_COLUMNS}, r.record FROM records r WHERE r.workshop_id = ? AND r.version = ?`,
      ),
      getLatest: db.prepare(
        `SELECT ${SUMMARY_COLUMNS}, r.record FROM records r WHERE r.workshop_id = ?
         ORDER BY r.version DESC LIMIT 1`,
      ),
      list: db.prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM records r WHERE r.workshop_id = ? ORDER BY r.version`,
      ),
      getSetting: db.prepare('SELECT value FROM settings WHERE key = ?'),
      initSetting: db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)'),
    };
  }

  getWorkshopStatus(workshopId: string): WorkshopStatus | null {
    const row = this.stmt.getStatus.get(workshopId) as { status: WorkshopStatus } | undefined;
    return row?.status ?? null;
  }

  setWorkshopStatus(workshopId: string, status: WorkshopStatus): boolean {
    return this.stmt.setStatus.run(status, workshopId).changes > 0;
  }

  insertRecord(r: RecordRow): void {
    this.db.transaction(() => {
      this.stmt.insertRecord.run(
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
        // Delimited so that a region filter matches one whole key.
        `\n${r.regionKeys.join('\n')}\n`,
        r.field.toLowerCase(),
        r.json,
      );
      if (r.kind === 'archive') this.setWorkshopStatus(r.workshopId, 'archived');
    })();
  }

  latestRecordVersion(workshopId: string): number {
    return (this.stmt.latestVersion.get(workshopId) as { version: number }).version;
  }

  getRecord(workshopId: string, version?: number): { summary: RecordSummary; json: string } | null {
    const row = (
      version === undefined
        ? this.stmt.getLatest.get(workshopId)
        : this.stmt.getVersion.get(workshopId, version)
    ) as (SummaryDbRow & { record: string }) | undefined;
    if (!row) return null;
    const { record, ...summary } = row;
    return { summary: toSummary(summary), json: record };
  }

  listRecords(workshopId: string): RecordSummary[] {
    return (this.stmt.list.all(workshopId) as SummaryDbRow[]).map(toSummary);
  }

  searchRecords(search: RecordSearch): { items: RecordSearchItem[]; total: number } {
    const where = [
      'r.version = (SELECT max(m.version) FROM records m WHERE m.workshop_id = r.workshop_id)',
    ];
    const params: (string | number)[] = [];
    for (const word of search.words) {
      where.push("r.search_text LIKE ? ESCAPE '\\'");
      params.push(`%${likeLiteral(word)}%`);
    }
    if (search.region) {
      where.push("r.region_keys LIKE ? ESCAPE '\\'");
      params.push(`%\n${likeLiteral(search.region)}\n%`);
    }
    if (search.template) {
      where.push('r.template = ?');
      params.push(search.template);
    }
    if (search.field) {
      where.push("r.field_key LIKE ? ESCAPE '\\'");
      params.push(`%${likeLiteral(search.field)}%`);
    }
    if (search.from) {
      where.push('r.held_on >= ?');
      params.push(search.from);
    }
    if (search.to) {
      where.push('r.held_on <= ?');
      params.push(search.to);
    }
    const filter = where.join(' AND ');
    const total = (
      this.statement(`SELECT count(*) AS n FROM records r WHERE ${filter}`).get(...params) as {
        n: number;
      }
    ).n;
    const rows = this.statement(
      `SELECT ${SUMMARY_COLUMNS}, w.status,
         (SELECT count(*) FROM records c WHERE c.workshop_id = r.workshop_id) AS versions
       FROM records r JOIN workshops w ON w.id = r.workshop_id
       WHERE ${filter}
       ORDER BY r.held_on DESC, r.archived_at DESC, r.workshop_id
       LIMIT ? OFFSET ?`,
    ).all(...params, search.limit, search.offset) as (SummaryDbRow & {
      status: WorkshopStatus;
      versions: number;
    })[];
    return {
      total,
      items: rows.map(({ status, versions, ...summary }) => ({
        ...toSummary(summary),
        status,
        versions,
      })),
    };
  }

  getSetting(key: string): string | null {
    return (this.stmt.getSetting.get(key) as { value: string } | undefined)?.value ?? null;
  }

  initSetting(key: string, value: string): string {
    return this.db.transaction(() => {
      this.stmt.initSetting.run(key, value);
      return this.getSetting(key)!;
    })();
  }

  /** The search has a handful of shapes (which filters are set): prepare each once. */
  private statement(sql: string): Database.Statement {
    let stmt = this.searchStatements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.searchStatements.set(sql, stmt);
    }
    return stmt;
  }
}
