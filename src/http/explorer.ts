import { readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import type { ExampleOperation } from '../graphql/examples';

/** The explorer's own files (public/explorer) and the packages it runs, each served from this server. */
function assetFiles(publicDir: string): Record<string, string> {
  // The packages' `exports` do not list their browser builds, so they are found from package.json.
  const fromPackage = (name: string, file: string) =>
    path.join(path.dirname(require.resolve(`${name}/package.json`)), file);
  return {
    'graphiql.min.js': fromPackage('graphiql', 'graphiql.min.js'),
    'graphiql.min.css': fromPackage('graphiql', 'graphiql.min.css'),
    'react.production.min.js': fromPackage('react', 'umd/react.production.min.js'),
    'react-dom.production.min.js': fromPackage('react-dom', 'umd/react-dom.production.min.js'),
    'explorer.js': path.join(publicDir, 'explorer', 'explorer.js'),
    'explorer.css': path.join(publicDir, 'explorer', 'explorer.css'),
  };
}

/**
 * Nothing the page loads may come from elsewhere: scripts, styles, fonts and requests stay on this
 * origin (GraphiQL sets some styles inline, and its icons are data: URLs).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The offline explorer at /explorer: GraphiQL from npm with React's UMD builds, every asset served
 * here (no CDN, so it works with no internet), the queries of schema/examples.graphql as its
 * tabs, and the headers editor open for an `Authorization` token (never stored by the browser).
 */
export function explorerRouter(publicDir: string, examples: readonly ExampleOperation[]): Router {
  const router = express.Router();
  const page = readFileSync(path.join(publicDir, 'explorer', 'explorer.html'), 'utf8');
  const assets = assetFiles(publicDir);
  router.get('/', (_req, res) => res.redirect(302, '/explorer'));
  router.get('/explorer', (_req, res) => {
    res.set('content-security-policy', CONTENT_SECURITY_POLICY).type('html').send(page);
  });
  router.get('/explorer/examples.json', (_req, res) => {
    res.json(examples);
  });
  router.get('/explorer/assets/:file', (req, res, next) => {
    const file = assets[req.params.file];
    if (!file) return next();
    res.set('cache-control', 'public, max-age=3600').sendFile(file);
  });
  return router;
}
