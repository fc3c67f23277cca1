import { join, sep } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Hashed file names (Vite's assets folder) never change content: cache them for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files: always check it with the server. */
export const REVALIDATE = 'no-cache';

/** The built client: hashed assets cached for a year, index.html revalidated, other files for an hour. */
export function staticClient(clientDir: string) {
  const assets = join(clientDir, 'assets') + sep;
  return express.static(clientDir, {
    index: false,
    cacheControl: false,
    setHeaders: (res, path) => {
      if (path.startsWith(assets)) res.setHeader('Cache-Control', IMMUTABLE);
      else if (path.endsWith('index.html')) res.setHeader('Cache-Control', REVALIDATE);
      else res.setHeader('Cache-Control', 'public, max-age=3600');
    },
  });
}

/** Client-side routes (/buurt/BU…, /zoeken?…) all get the app shell, revalidated on every visit. */
export function appShell(clientDir: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (
      req.method !== 'GET' ||
      req.path.startsWith('/graphql') ||
      req.path.startsWith('/hsds') ||
      req.path.startsWith('/sjablonen') ||
      req.path.startsWith('/export')
    )
      return next();
    // A missing hashed asset is a 404, not the app shell (which would then be cached as if it were the file).
    if (req.path.startsWith('/assets/')) return next();
    res.sendFile(join(clientDir, 'index.html'), { cacheControl: false, headers: { 'Cache-Control': REVALIDATE } });
  };
}
