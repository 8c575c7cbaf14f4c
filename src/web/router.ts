import express, { type Router } from 'express';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT_DIR } from '../config.js';

const require = createRequire(import.meta.url);
const PUBLIC = path.join(ROOT_DIR, 'src', 'web', 'public');

/** Page paths served by the one HTML shell (the page module is chosen in the browser from the path). */
export const PAGES = ['/', '/dang-nhap', '/tai-khoan', '/ket-noi', '/ket-noi/:id', '/nha-phat-trien', '/don-vi', '/don-vi/:connector', '/so'];

/**
 * The dashboard: static pages (Vietnamese first, English toggle) served from the app itself, with every asset from the
 * app or node_modules (no external network at run time), the JSON Schemas browsable under /schemas/, and the API
 * reference at /docs (Swagger UI from swagger-ui-dist over /openapi.json).
 */
export function webRouter(): Router {
  const router = express.Router();
  const shell = path.join(PUBLIC, 'index.html');
  for (const p of PAGES) router.get(p, (_req, res) => res.sendFile(shell));
  router.get('/favicon.ico', (_req, res) => res.status(204).end());
  router.get('/docs', (_req, res) => res.sendFile(path.join(PUBLIC, 'docs.html')));
  router.use('/assets', express.static(PUBLIC, { maxAge: '1h', index: false }));
  router.use('/vendor/chart.js', express.static(path.dirname(require.resolve('chart.js')), { maxAge: '1d' }));
  router.use('/vendor/swagger-ui', express.static(path.dirname(require.resolve('swagger-ui-dist/package.json')), { maxAge: '1d', index: false }));
  router.use('/schemas', express.static(path.join(ROOT_DIR, 'schemas'), { maxAge: '1h', index: false }));
  return router;
}
