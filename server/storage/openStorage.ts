/**
 * The one place that chooses the storage backend: DATABASE_URL (postgres://…) → PostgreSQL, shared
 * by every process of the installation; unset → SQLite, one file under DATA_DIR.
 */
import type { Logger } from '../log';
import { SqliteStorage } from './sqlite/sqliteStorage';
import type { Storage } from './storage';

export interface StorageConfig {
  databaseUrl?: string;
  dataDir: string;
  sqliteSynchronous: 'NORMAL' | 'FULL';
}

export async function openStorage(config: StorageConfig, log: Logger): Promise<Storage> {
  if (config.databaseUrl) {
    // Loaded only here: an installation on SQLite never carries the PostgreSQL driver.
    const { describeDatabase, PostgresStorage } = await import('./postgres/postgresStorage');
    const storage = await PostgresStorage.open({ url: config.databaseUrl, log });
    log.info({ database: describeDatabase(config.databaseUrl) }, 'storage: PostgreSQL');
    return storage;
  }
  const storage = new SqliteStorage({
    dataDir: config.dataDir,
    synchronous: config.sqliteSynchronous,
  });
  log.info({ dataDir: config.dataDir }, 'storage: SQLite');
  return storage;
}
