/**
 * Server configuration, read once from the environment and validated at the edge.
 * README's configuration table lists the same variables; keep them in step.
 */
import path from 'node:path';
import { z } from 'zod';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const configSchema = z.object({
  port: int(0, 65535).default(8080),
  host: z.string().min(1).default('0.0.0.0'),
  dataDir: z.string().min(1).default('./data'),
  /**
   * PostgreSQL for storage (postgres://user:password@host:port/database), shared by every process
   * of a scaled-out installation. Unset: SQLite, one file under dataDir.
   */
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
    .refine((v) => URL.canParse(v), 'must be a valid URL')
    .optional(),
  /**
   * Redis for the messages between processes (redis:// or rediss://): edits and presence cross
   * between processes serving the same workshop (server/sync/redisRoomBus.ts). Unset: one process.
   */
  redisUrl: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')
    .refine((v) => URL.canParse(v), 'must be a valid URL')
    .optional(),
  /** Prefix of every Redis channel, so several installations (or tests) can share one Redis. */
  redisPrefix: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'letters, digits, ":", "_" and "-" only')
    .default('transforma:'),
  /** Origin used in join links (e.g. https://s3.example.org); by default the request's own origin. */
  publicUrl: z.url().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Directory of the built client; the API and sync still run when it does not exist. */
  clientDir: z.string().min(1).default('dist/client'),
  /** Largest WebSocket message accepted; a bigger one closes that socket (1009), nothing else. */
  maxMessageBytes: int(1024, 256 * 1024 * 1024).default(2 * 1024 * 1024),
  /**
   * A workshop's stored size (snapshot + update log) past which participants' growing edits are
   * refused (close 4413, "this workshop is full"); facilitators can still edit and delete.
   */
  maxDocumentBytes: int(64 * 1024, 4 * 1024 * 1024 * 1024).default(50 * 1024 * 1024),
  /** Open sync (y-websocket) connections per workshop; one more is closed with 4429. */
  maxConnectionsPerWorkshop: int(1, 100_000).default(500),
  /** Open connections per client IP, sync and control plane each; one more is closed / refused. */
  maxConnectionsPerIp: int(1, 100_000).default(256),
  /** Workshop creations per client IP per 10 minutes (POST /api/workshops, /derive, /from-record). */
  rateWorkshopCreate: int(1, 1_000_000).default(30),
  /** Joins (POST /api/workshops/:id/join) per client IP per minute. */
  rateJoin: int(1, 1_000_000).default(120),
  /** Every other API request per client IP per minute. */
  rateApi: int(1, 10_000_000).default(1200),
  /** Presence (awareness) updates applied per connection per second; more are delayed, not refused. */
  presencePerSecond: int(1, 10_000).default(20),
  /**
   * Control-plane (socket.io) events per connection per second, in bursts up to the same number;
   * more are answered { ok: false } and not run, and a connection flooding far past it is closed.
   */
  controlEventsPerSecond: int(1, 10_000).default(40),
  /** Compact a workshop's update log into a snapshot after this many updates. */
  compactEvery: int(1, 1_000_000).default(500),
  /** Keep a workshop's doc in memory this long after its last client left. */
  roomIdleMs: int(0, 24 * 3600 * 1000).default(30_000),
  /** NORMAL survives a killed process (kill -9); FULL also survives power loss, at some write cost. */
  sqliteSynchronous: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  /** Express "trust proxy" (e.g. 1 behind one reverse proxy) so links and rate limits see the client. */
  trustProxy: z
    .union([z.literal('true'), z.literal('false'), z.coerce.number().int().min(0)])
    .transform((v) => (v === 'true' ? true : v === 'false' ? false : v))
    .default(false),
  /**
   * The instance's organiser token (listing, searching and importing records). Unset: one is
   * generated on first start, stored hashed and printed once in the log.
   */
  organiserToken: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,200}$/, 'must be 20 to 200 characters of A-Z, a-z, 0-9, _ and -')
    .optional(),
  /** The Chromium that prints PDF exports; without one, PDF exports answer 503. */
  chromiumPath: z.string().min(1).default('/usr/bin/chromium'),
  /**
   * Fewest voters a helix or region must have for a revealed vote to show its dots on their own;
   * smaller groups are merged into "other" (shared/control/votes.ts protectSplits). 1: no merging.
   */
  voteSplitMinVoters: int(1, 1000).default(3),
});

export type ServerConfig = z.infer<typeof configSchema>;
export type ServerConfigInput = z.input<typeof configSchema>;

/** The environment variable behind each setting (the README table and compose.yaml use these names). */
export const ENV_KEYS: Record<keyof ServerConfig, string> = {
  port: 'PORT',
  host: 'HOST',
  dataDir: 'DATA_DIR',
  databaseUrl: 'DATABASE_URL',
  redisUrl: 'REDIS_URL',
  redisPrefix: 'REDIS_PREFIX',
  publicUrl: 'PUBLIC_URL',
  logLevel: 'LOG_LEVEL',
  clientDir: 'CLIENT_DIR',
  maxMessageBytes: 'MAX_MESSAGE_BYTES',
  maxDocumentBytes: 'MAX_DOCUMENT_BYTES',
  maxConnectionsPerWorkshop: 'MAX_CONNECTIONS_PER_WORKSHOP',
  maxConnectionsPerIp: 'MAX_CONNECTIONS_PER_IP',
  rateWorkshopCreate: 'RATE_WORKSHOP_CREATE',
  rateJoin: 'RATE_JOIN',
  rateApi: 'RATE_API',
  presencePerSecond: 'PRESENCE_PER_SECOND',
  controlEventsPerSecond: 'CONTROL_EVENTS_PER_SECOND',
  compactEvery: 'COMPACT_EVERY',
  roomIdleMs: 'ROOM_IDLE_MS',
  sqliteSynchronous: 'SQLITE_SYNCHRONOUS',
  trustProxy: 'TRUST_PROXY',
  organiserToken: 'ORGANISER_TOKEN',
  chromiumPath: 'CHROMIUM_PATH',
  voteSplitMinVoters: 'VOTE_SPLIT_MIN_VOTERS',
};

/** Builds the config from explicit values (tests) over environment variables (production). */
export function loadConfig(
  overrides: Partial<ServerConfigInput> = {},
  env: NodeJS.ProcessEnv = process.env,
): ServerConfig {
  const fromEnv: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(ENV_KEYS)) {
    const value = env[name];
    if (value !== undefined && value !== '') fromEnv[key] = value;
  }
  const parsed = configSchema.safeParse({ ...fromEnv, ...overrides });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    const name = ENV_KEYS[key as keyof ServerConfig] ?? key;
    throw new Error(`Invalid configuration ${name}: ${issue?.message ?? 'invalid value'}`);
  }
  const config = parsed.data;
  return {
    ...config,
    dataDir: path.resolve(config.dataDir),
    clientDir: path.resolve(config.clientDir),
  };
}
