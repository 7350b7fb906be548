import {
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
  mkdirSync,
  type FSWatcher,
} from 'node:fs';
import { watch } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  watchArchive,
  type ArchiveWatcher,
  type WatchMode,
  type WatchOptions,
} from '../../../electron/service/watcher';
import { chatLog, tempArchive, type TempArchive } from '../../fixtures/archive';
import { until } from '../../fixtures/until';

/** Starts a watcher, waits until it watches, runs `act`, and gives the first batch reported. */
async function nextBatch(
  root: string,
  act: () => void,
  options: WatchOptions = {},
): Promise<{ paths: string[]; ms: number }> {
  let watcher: ArchiveWatcher | null = null;
  const batch = new Promise<{ paths: string[]; ms: number }>((resolve) => {
    const started = performance.now();
    watcher = watchArchive(
      root,
      (paths) => resolve({ paths, ms: performance.now() - started }),
      () => {},
      options,
    );
  });
  await watcher!.ready;
  act();
  const result = await batch;
  watcher!.close();
  return result;
}

/** inotify watches this process holds (Linux): the lines "inotify wd:" of each inotify descriptor. */
function inotifyWatches(): number {
  let count = 0;
  for (const descriptor of readdirSync('/proc/self/fd')) {
    let target: string;
    try {
      target = readlinkSync(`/proc/self/fd/${descriptor}`);
    } catch {
      continue;
    }
    if (target !== 'anon_inode:inotify') continue;
    const info = readFileSync(`/proc/self/fdinfo/${descriptor}`, 'utf8');
    count += info.split('\n').filter((line) => line.startsWith('inotify wd:')).length;
  }
  return count;
}

const linux = process.platform === 'linux';

describe('watchArchive', () => {
  let archive: TempArchive;
  afterEach(() => archive?.remove());

  it('reports an added file as one batch', async () => {
    archive = tempArchive();
    archive.write('g/_posts/2018-05-15-chat.md', chatLog('2018-05-15', []));
    const batch = await nextBatch(archive.root, () => {
      // Written in pieces, as an editor or sync tool would.
      const path = join(archive.root, 'g/_posts/2018-05-16-chat.md');
      writeFileSync(path, '---\n');
      writeFileSync(path, chatLog('2018-05-16', [{ time: '09:00:00', speaker: 'a', text: 'new' }]));
    });
    expect(batch.paths).toEqual(['g/_posts/2018-05-16-chat.md']);
    // How fast is printed, not asserted: the machine is shared (about 300 ms of settling).
    console.log(`watcher: a file written in two steps reported after ${batch.ms.toFixed(0)} ms`);
  });

  it('reports removed files and ignores hidden folders', async () => {
    archive = tempArchive();
    archive.write('g/2018-05-15-chat.md', chatLog('2018-05-15', []));
    archive.write('.git/x', '');
    const batch = await nextBatch(archive.root, () => {
      writeFileSync(join(archive.root, '.git/x'), 'changed');
      rmSync(join(archive.root, 'g/2018-05-15-chat.md'));
    });
    expect(batch.paths).toEqual(['g/2018-05-15-chat.md']);
  });

  it('watches a folder created after it started, and the files written into it', async () => {
    archive = tempArchive();
    archive.write('g/2018-05-15-chat.md', chatLog('2018-05-15', []));
    const first = await nextBatch(archive.root, () => {
      archive.write('new/_posts/2018-05-16-chat.md', chatLog('2018-05-16', []));
    });
    expect(first.paths).toContain('new/_posts/2018-05-16-chat.md');
    const second = await nextBatch(archive.root, () => {
      writeFileSync(join(archive.root, 'new/_posts/2018-05-16-chat.md'), 'edited');
    });
    expect(second.paths).toEqual(['new/_posts/2018-05-16-chat.md']);
  });

  it.skipIf(!linux)(
    'watches only the folders the reader visits: a hidden folder of 20,000 files takes no watch',
    async () => {
      archive = tempArchive();
      archive.write('a/_posts/2018-05-15-chat.md', chatLog('2018-05-15', []));
      archive.write('b/2018-05-15-chat.md', chatLog('2018-05-15', []));
      // A checkout's .git and a node_modules, as a cloned site repository holds.
      for (let folder = 0; folder < 100; folder++) {
        const path = join(archive.root, '.git/objects', String(folder).padStart(2, '0'));
        mkdirSync(path, { recursive: true });
        for (let file = 0; file < 200; file++) writeFileSync(join(path, `${file}`), '');
      }
      archive.write('node_modules/x/index.js', '');
      const before = inotifyWatches();
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const modes: WatchMode[] = [];
      const called = performance.now();
      const watcher = watchArchive(
        root(),
        () => {},
        () => {},
        {
          onMode: (mode) => modes.push(mode),
        },
      );
      const returned = performance.now() - called;
      await watcher.ready;
      delay.disable();
      const added = inotifyWatches() - before;
      console.log(
        `watcher: ${added} inotify watches for 4 visible folders beside 20,100 hidden files; watchArchive returned in ${returned.toFixed(0)} ms, longest event-loop stall after ${(delay.max / 1e6).toFixed(0)} ms`,
      );
      watcher.close();
      // The root, a, a/_posts and b.
      expect(added).toBe(4);
      expect(modes).toEqual(['live']);
      expect(inotifyWatches()).toBe(before);
    },
    60_000,
  );

  it('compares files every few seconds when there are more folders than it watches, and says so', async () => {
    archive = tempArchive();
    for (const folder of ['a', 'b', 'c'])
      archive.write(`${folder}/2018-05-15-chat.md`, chatLog('2018-05-15', []));
    const modes: WatchMode[] = [];
    const batch = await nextBatch(
      archive.root,
      () => writeFileSync(join(archive.root, 'b/2018-05-15-chat.md'), 'edited, and longer'),
      { maxFolders: 2, pollMs: 100, onMode: (mode) => modes.push(mode) },
    );
    expect(modes).toEqual(['polling']);
    expect(batch.paths).toEqual(['b/2018-05-15-chat.md']);
  });

  it('reports an error of a watch, starts again, and keeps reporting changes', async () => {
    archive = tempArchive();
    archive.write('g/2018-05-15-chat.md', chatLog('2018-05-15', []));
    const watchers: FSWatcher[] = [];
    const errors: string[] = [];
    const batches: string[][] = [];
    const modes: WatchMode[] = [];
    const watcher = watchArchive(
      archive.root,
      (paths) => batches.push(paths),
      (error) => errors.push(error.message),
      {
        onMode: (mode) => modes.push(mode),
        watch: (path, options, listener) => {
          const created = watch(path, options, listener);
          watchers.push(created);
          return created;
        },
      },
    );
    await watcher.ready;
    const first = watchers.length;
    // The system reports a failure on one watch (an unmounted disk, a revoked permission).
    watchers[0]!.emit('error', new Error('the watch failed'));
    expect(errors).toEqual(['the watch failed']);
    // Until it watches again, it says changes are not being seen.
    expect(watcher.mode).toBe('restarting');
    await until(() => watchers.length > first && watcher.mode === 'live');
    expect(modes).toEqual(['live', 'restarting', 'live']);
    // After starting again it says something may have changed meanwhile, then sees new changes.
    await until(() => batches.some((paths) => paths.includes('')));
    writeFileSync(join(archive.root, 'g/2018-05-15-chat.md'), 'edited');
    await until(() => batches.some((paths) => paths.includes('g/2018-05-15-chat.md')));
    watcher.close();
  });

  function root(): string {
    return archive.root;
  }
});
