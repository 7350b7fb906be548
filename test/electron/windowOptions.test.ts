import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  contentSecurityPolicy,
  restoreWindowState,
  webPreferences,
  windowOptions,
} from '../../electron/windowOptions';

describe('the window', () => {
  it('keeps the renderer isolated, sandboxed, without Node, under web security', () => {
    const preferences = webPreferences('/app/dist/preload.js');
    expect(preferences).toMatchObject({
      preload: '/app/dist/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(windowOptions(DEFAULT_WINDOW_STATE, '/app/dist/preload.js').webPreferences).toEqual(
      preferences,
    );
  });

  it('reopens where it was, if that place is still on a screen', () => {
    const screens = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(
      restoreWindowState({ x: 100, y: 50, width: 1000, height: 700, maximized: true }, screens),
    ).toEqual({ x: 100, y: 50, width: 1000, height: 700, maximized: true });
    // The second monitor is gone: keep the size, let Electron centre it.
    expect(
      restoreWindowState({ x: 2500, y: 50, width: 1000, height: 700, maximized: false }, screens),
    ).toEqual({ width: 1000, height: 700, maximized: false });
    expect(
      windowOptions(
        restoreWindowState({ x: 2500, y: 50, width: 1000, height: 700 }, screens),
        '/p.js',
      ),
    ).not.toHaveProperty('x');
  });

  it('ignores a damaged saved state', () => {
    for (const saved of [
      null,
      'big',
      [],
      { width: '1000', height: 700 },
      { width: 10, height: 10 },
      { width: Number.NaN, height: 700 },
    ]) {
      expect(restoreWindowState(saved, [])).toEqual(DEFAULT_WINDOW_STATE);
    }
  });
});

describe('contentSecurityPolicy', () => {
  const directives = (policy: string) =>
    new Map(
      policy
        .split('; ')
        .map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]),
    );

  it('allows only the app itself: no eval, no inline script, no plugins, frames or forms', () => {
    const policy = directives(contentSecurityPolicy({ remoteImages: false }));
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    // Voice notes and videos play from the archive's media route, on the app's own origin.
    expect(policy.get('media-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(contentSecurityPolicy({ remoteImages: true })).not.toMatch(/unsafe-(eval|inline)|\*/);
  });

  it('lets remote images in only when the user turned them on', () => {
    expect(directives(contentSecurityPolicy({ remoteImages: false })).get('img-src')).not.toContain(
      'https:',
    );
    expect(directives(contentSecurityPolicy({ remoteImages: true })).get('img-src')).toEqual([
      "'self'",
      'data:',
      'https:',
      'http:',
    ]);
    expect(directives(contentSecurityPolicy({ remoteImages: true })).get('connect-src')).toEqual([
      "'self'",
    ]);
  });
});
