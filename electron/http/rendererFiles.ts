/**
 * The built renderer's files, for the HTTP host and the app's own protocol
 * (electron/appProtocol.ts): never anything outside the renderer folder.
 */
import { realpath, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { isInside } from '../service/imagePath';

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file of the built renderer named by a URL path (percent-encoded, relative), or null. */
export async function rendererFile(rendererDir: string, path: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (/[\\\0]/.test(decoded) || decoded.split('/').some((part) => part === '..' || part === '.'))
    return null;
  try {
    const [root, file] = await Promise.all([
      realpath(rendererDir),
      realpath(resolve(rendererDir, decoded)),
    ]);
    if (!isInside(root, file) || !(await stat(file)).isFile()) return null;
    return file;
  } catch {
    return null;
  }
}

export function rendererContentType(file: string): string {
  return STATIC_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
