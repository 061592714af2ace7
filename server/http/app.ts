/**
 * The Express application: request logs, security headers, JSON API under /api, liveness
 * (/healthz) and readiness (/readyz), the built client.
 */
import fs from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express from 'express';
import helmet from 'helmet';
import type { Logger } from '../log';
import type { Health } from '../storage/storage';
import { errorHandler, notFoundApi } from './errors';
import { apiRateLimits, type ApiRateLimits } from './rateLimits';
import { requestLog } from './requestLog';
import { workshopRoutes, type WorkshopRoutesDeps } from './workshopRoutes';

export interface HttpAppDeps extends WorkshopRoutesDeps {
  storage: Health;
  /** Why the processes cannot hear each other now (Redis down), or null: then not ready. */
  busProblem?: () => string | null;
  log: Logger;
  clientDir: string;
  trustProxy: boolean | number;
  /** Per-IP request limits on /api (429 past them). */
  limits: ApiRateLimits;
  /** More API routers (records, exports), mounted under /api after the workshop routes. */
  routers?: express.Router[];
}

/** How long /readyz waits for the database to take a write before it answers 503. */
const READY_DB_TIMEOUT_MS = 3_000;

/**
 * Paths that are the server's, never the client app's: an unknown one answers a JSON 404, not the
 * app page (a typo in a probe or an API call must fail loudly). /assets/ holds the built client's
 * hashed files: a missing one (an old page after an upgrade) is a 404, not HTML served as script.
 */
const SERVER_PATHS = /^\/(api|healthz|readyz|yjs|socket\.io|assets)(?=\/|$)/i;

export function createHttpApp(deps: HttpAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);
  app.use(requestLog(deps.log));
  // Every text answer (the app's scripts and styles, the API's JSON, CSV exports) travels
  // brotli- or gzip-compressed when the browser takes it: the start page is a third the size.
  app.use(compression());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Workshops are often served over plain http on a LAN: never force https sub-requests.
          upgradeInsecureRequests: null,
          // Card positions and Tiptap's injected editor CSS are inline styles.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
        },
      },
      strictTransportSecurity: false,
    }),
  );

  // Liveness: the process is up and its event loop serves requests. Nothing else: restarting a
  // process because PostgreSQL or Redis is down would only add a cold start to the outage.
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  // Readiness: this process can serve workshops now (the database takes writes; with REDIS_URL, the
  // bus to the other processes is up). A load balancer sends new clients elsewhere while it is 503.
  let notReadyBecause: string | null = null;
  app.get('/readyz', async (_req, res) => {
    const problem = (await databaseProblem(deps.storage)) ?? deps.busProblem?.() ?? null;
    if (problem !== notReadyBecause) {
      if (problem) deps.log.warn({ problem }, `not ready: ${problem}`);
      else deps.log.info('ready again');
      notReadyBecause = problem;
    }
    res.status(problem ? 503 : 200).json(problem ? { ok: false, error: problem } : { ok: true });
  });

  const api = express.Router();
  // Counted before the body is even parsed: a refused request costs next to nothing.
  api.use(apiRateLimits(deps.limits, deps.log));
  api.use(express.json({ limit: '64kb' }));
  api.use(workshopRoutes(deps));
  for (const router of deps.routers ?? []) api.use(router);
  api.use(notFoundApi);
  app.use('/api', api);

  const indexHtml = path.join(deps.clientDir, 'index.html');
  const clientBuilt = fs.existsSync(indexHtml);
  if (clientBuilt) {
    app.use(
      express.static(deps.clientDir, {
        index: false,
        // Files under /assets/ carry a content hash in their name: a new build has new names, so
        // they never change and are cached for a year. Anything else (icons, a service worker)
        // keeps its name across builds: revalidated on each use.
        setHeaders: (res, file) => {
          const hashed = path.relative(deps.clientDir, file).startsWith(`assets${path.sep}`);
          res.setHeader(
            'Cache-Control',
            hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      }),
    );
  }
  app.use(SERVER_PATHS, notFoundApi);
  if (clientBuilt) {
    // Client-side routes (/, /w/<id>) all load the app shell; the server's own paths never do.
    app.get(/^\/.*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexHtml);
    });
  } else {
    deps.log.warn(
      { clientDir: deps.clientDir },
      'client not built: serving the API only (run npm run build)',
    );
  }

  app.use(errorHandler(deps.log));
  return app;
}

/** Why the database cannot be used now, or null: a failed or unanswered test write. */
async function databaseProblem(storage: Health): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), READY_DB_TIMEOUT_MS);
  });
  try {
    const writable = await Promise.race([storage.isWritable().catch(() => false), timedOut]);
    if (writable === 'timeout') {
      return `database did not answer within ${READY_DB_TIMEOUT_MS / 1000} s`;
    }
    return writable ? null : 'database not writable';
  } finally {
    clearTimeout(timer);
  }
}
