/**
 * The files the store knows, as SQLite hands them over in one string (known.ts), and the check
 * that each keeps its size and time. On its own module (no SQLite) so that the stat worker
 * (statWorker.ts) shares it.
 */
import { under } from '../files/plainPath';
import { statOrNothing } from '../files/statOrNothing';

/** Separators of the one string the files' sizes and times are read as. */
export const FIELD = '\u0001';
export const ROW = '\u0002';

/** Calls `visit` with each row of `joined` (`count` rows), until it returns false. */
export function forEachJoinedRow(
  joined: string,
  count: number,
  visit: (path: string, size: number, mtime: number, companions: string) => boolean,
): void {
  let start = 0;
  for (let row = 0; row < count; row++) {
    const first = joined.indexOf(FIELD, start);
    const second = joined.indexOf(FIELD, first + 1);
    const third = joined.indexOf(FIELD, second + 1);
    let end = joined.indexOf(ROW, third + 1);
    if (end === -1) end = joined.length;
    const path = joined.slice(start, first);
    const size = Number(joined.slice(first + 1, second));
    const mtime = Number(joined.slice(second + 1, third));
    if (!visit(path, size, mtime, joined.slice(third + 1, end))) return;
    start = end + 1;
  }
}

/**
 * Whether the file at `path` (absolute) still has the size and time (ms, rounded) the store read
 * it with: the one test of "unchanged" every check uses.
 */
export function keepsSizeAndTime(path: string, size: number, mtime: number): boolean {
  const info = statOrNothing(path);
  return info !== undefined && info.size === size && Math.round(info.mtimeMs) === mtime;
}

/** The known files as columns. */
export interface KnownList {
  paths: string[];
  sizes: Float64Array;
  mtimes: Float64Array;
  /** The paths with NUL between, when at hand (what a worker is sent). */
  joined?: string;
}

/** The columns of the one string SQLite gives (forEachJoinedRow). */
export function knownList(joined: string, count: number): KnownList {
  const list: KnownList = {
    paths: new Array<string>(count),
    sizes: new Float64Array(count),
    mtimes: new Float64Array(count),
  };
  let row = 0;
  forEachJoinedRow(joined, count, (path, size, mtime) => {
    list.paths[row] = path;
    list.sizes[row] = size;
    list.mtimes[row++] = mtime;
    return true;
  });
  return list;
}

// Slots of the Int32Array two threads share while checking one list.
/** The next chunk to claim. */
const NEXT = 0;
/** 1 once a file was found changed. */
const CHANGED = 1;
/** Chunks being checked right now. */
const BUSY = 2;
export const SHARED_SLOTS = 3;
/** Files per claim: small enough that neither thread waits long for the other's last chunk. */
const CHUNK = 256;

/**
 * Checks chunks of `list`, claimed from `shared` with whichever other thread checks the same list,
 * until none is left or a file changed; with `marks` (one byte per file, shared), every chunk is
 * checked and each changed file marked.
 */
export function checkChunks(
  list: KnownList,
  root: string,
  shared: Int32Array,
  marks?: Uint8Array,
): void {
  const below = under(root);
  const count = list.paths.length;
  for (;;) {
    // Busy before claiming: a thread that sees no one busy after the last claim knows every
    // claimed chunk was checked.
    Atomics.add(shared, BUSY, 1);
    const from = Atomics.add(shared, NEXT, 1) * CHUNK;
    const more = from < count && (marks !== undefined || Atomics.load(shared, CHANGED) === 0);
    if (more)
      for (let i = from; i < Math.min(from + CHUNK, count); i++)
        if (!keepsSizeAndTime(below(list.paths[i]!), list.sizes[i]!, list.mtimes[i]!)) {
          Atomics.store(shared, CHANGED, 1);
          if (!marks) break;
          marks[i] = 1;
        }
    Atomics.sub(shared, BUSY, 1);
    Atomics.notify(shared, BUSY);
    if (!more) return;
  }
}

/** Waits (at most `ms`) until no other thread is checking a chunk; false if it did not end. */
export function waitForOthers(shared: Int32Array, ms: number): boolean {
  let until = 0;
  for (let busy = Atomics.load(shared, BUSY); busy !== 0; busy = Atomics.load(shared, BUSY)) {
    // The clock is read only when someone is busy (performance is loaded on first use).
    until ||= performance.now() + ms;
    const left = until - performance.now();
    if (left <= 0) return false;
    Atomics.wait(shared, BUSY, busy, left);
  }
  return true;
}

export function anyChanged(shared: Int32Array): boolean {
  return Atomics.load(shared, CHANGED) !== 0;
}
