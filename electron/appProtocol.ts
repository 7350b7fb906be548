/**
 * The app's own scheme (scrollback://app/): the page, its files, and archive images through the
 * same containment function as the HTTP host. Plain web Request/Response, no Electron, so it is
 * tested without the app.
 */
import { readFile } from 'node:fs/promises';
import { rendererContentType, rendererFile } from './http/rendererFiles';
import { REFUSAL_STATUS, imageHeaders, readArchiveImage } from './service/imagePath';
import { mediaHeaders, readArchiveMedia } from './service/media';
import { contentSecurityPolicy } from './windowOptions';

export interface AppProtocolOptions {
  /** The open archive's folder, or null. */
  root(): string | null;
  rendererDir: string;
  /** The setting the page's Content-Security-Policy follows. */
  remoteImages(): boolean;
}

export function appRequestHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'app') return new Response('Not found.', { status: 404 });
    const path = url.pathname.slice(1);
    if (path === 'api/image') {
      const root = options.root();
      if (root === null) return new Response('No archive is open.', { status: 404 });
      const image = await readArchiveImage(
        root,
        url.searchParams.get('from') ?? '',
        url.searchParams.get('src') ?? '',
      );
      if (!image.ok)
        return new Response(`Image refused: ${image.reason}.`, {
          status: REFUSAL_STATUS[image.reason],
        });
      return new Response(new Uint8Array(image.bytes), {
        headers: imageHeaders(image.contentType),
      });
    }
    if (path === 'api/media') {
      const root = options.root();
      if (root === null) return new Response('No archive is open.', { status: 404 });
      const media = await readArchiveMedia(root, url.searchParams.get('path') ?? '');
      if (!media.ok)
        return new Response(`File refused: ${media.reason}.`, {
          status: REFUSAL_STATUS[media.reason],
        });
      return new Response(new Uint8Array(media.bytes), {
        headers: { 'Content-Type': media.contentType, ...mediaHeaders(media.contentType) },
      });
    }
    const file = await rendererFile(options.rendererDir, path === '' ? 'index.html' : path);
    if (file === null) return new Response('Not found.', { status: 404 });
    const type = rendererContentType(file);
    const headers: Record<string, string> = {
      'Content-Type': type,
      'X-Content-Type-Options': 'nosniff',
    };
    if (type.startsWith('text/html'))
      headers['Content-Security-Policy'] = contentSecurityPolicy({
        remoteImages: options.remoteImages(),
      });
    return new Response(new Uint8Array(await readFile(file)), { headers });
  };
}
