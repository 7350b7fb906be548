/** The window's place and the recent folders, kept between runs; a damaged file starts fresh. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppStateFile, RECENT_LIMIT } from '../../electron/appState';
import { tempArchive, type TempArchive } from '../fixtures/archive';

describe('AppStateFile', () => {
  let folder: TempArchive;
  afterEach(() => folder.remove());

  it('remembers recent folders, most recent first, at most ten, across runs', () => {
    folder = tempArchive('scrollback-state-');
    const file = join(folder.root, 'data', 'state.json');
    const state = new AppStateFile(file);
    for (let i = 0; i < RECENT_LIMIT + 2; i++) state.remember(`/archives/${i}`);
    state.remember('/archives/3');
    state.window = { width: 900, height: 700, maximized: true };
    const again = new AppStateFile(file);
    expect(again.recent[0]).toBe('/archives/3');
    expect(again.recent).toHaveLength(RECENT_LIMIT);
    expect(again.window).toEqual({ width: 900, height: 700, maximized: true });
    expect(again.forget('/archives/3')).toBe(true);
    expect(again.forget('/archives/3')).toBe(false);
    again.clearRecent();
    expect(new AppStateFile(file).recent).toEqual([]);
    // Written atomically: no temporary file left beside it.
    expect(readdirSync(join(folder.root, 'data'))).toEqual(['state.json']);
  });

  it('starts fresh from a damaged file, keeping only what makes sense', () => {
    folder = tempArchive('scrollback-state-');
    const file = join(folder.root, 'state.json');
    writeFileSync(file, '{"recent": ["/a", 3, null, "/b"], "window": null}');
    expect(new AppStateFile(file).recent).toEqual(['/a', '/b']);
    writeFileSync(file, '{not json');
    const state = new AppStateFile(file);
    expect(state.recent).toEqual([]);
    state.remember('/c');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ recent: ['/c'] });
  });
});
