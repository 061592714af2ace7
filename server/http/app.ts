/** The Express application: security headers, JSON API under /api, health, the built client. */
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import type { Logger } from '../log';
import type { Storage } from '../storage/storage';
import { errorHandler, notFoundApi } from './errors';
import { apiRateLimits, type ApiRateLimits } from './rateLimits';
import { workshopRoutes, type WorkshopRoutesDeps } from './workshopRoutes';

export interface HttpAppDeps extends WorkshopRoutesDeps {
  storage: Storage;
  log: Logger;
  clientDir: string;
  trustProxy: boolean | number;
  /** Per-IP request limits on /api (429 past them). */
  limits: ApiRateLimits;
  /** More API routers (records, exports), mounted under /api after the workshop routes. */
  routers?: express.Router[];
}

export function createHttpApp(deps: HttpAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);
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

  app.get('/healthz', async (_req, res) => {
    const ok = await deps.storage.isWritable();
    res
      .status(ok ? 200 : 503)
      .json(ok ? { ok: true } : { ok: false, error: 'database not writable' });
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
  if (fs.existsSync(indexHtml)) {
    app.use(express.static(deps.clientDir, { index: false, maxAge: '1h' }));
    // Client-side routes (/, /w/<id>) all load the app shell.
    app.get(/^\/(?!api\/|yjs\/|socket\.io\/).*/, (_req, res) => {
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
