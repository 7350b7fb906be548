/**
 * The names a Slack export keeps at its root: people in `users.json`, channels in
 * `channels.json` (public) and `groups.json` (private), direct messages in `dms.json` and group
 * DMs in `mpims.json`. Each day file needs them; each companion file is parsed once per bytes
 * object it arrives in, and read a value at a time like the exports themselves.
 */
import { JsonScanner } from '../json/scanner';
import { Utf8Chunks } from '../json/utf8';
import { arrayOf, idOf, isObject, stringOf, textOf, type JsonObject } from '../json/values';

export const COMPANIONS = ['users.json', 'channels.json', 'groups.json', 'dms.json', 'mpims.json'];

export interface SlackDirectory {
  /** User id -> the name Slack shows (display name, else real name, else user name). */
  users: Map<string, string>;
  /** Channel or group id -> its name. */
  channels: Map<string, string>;
  /** A conversation's folder name -> its title (`#general`, or the DM's people). */
  titles: Map<string, string>;
  /** The companion files that were missing. */
  missing: string[];
}

/** Every element of a top-level JSON array, parsed one at a time. */
function elements(bytes: Uint8Array): JsonObject[] {
  const found: JsonObject[] = [];
  const scanner = new JsonScanner([['*']], {
    value: (_selector, value) => {
      if (isObject(value)) found.push(value);
    },
    problem: () => undefined,
  });
  const utf8 = new Utf8Chunks();
  const step = 1 << 20;
  for (let at = 0; at < bytes.length; at += step)
    scanner.push(utf8.next(bytes.subarray(at, at + step), at + step >= bytes.length).text);
  scanner.end();
  return found;
}

const parsed = new WeakMap<Uint8Array, JsonObject[]>();

function cachedElements(bytes: Uint8Array): JsonObject[] {
  let list = parsed.get(bytes);
  if (!list) {
    list = elements(bytes);
    parsed.set(bytes, list);
  }
  return list;
}

function userName(user: JsonObject): string | undefined {
  const profile = isObject(user.profile) ? user.profile : {};
  return (
    textOf(profile.display_name) ??
    textOf(profile.real_name) ??
    textOf(user.real_name) ??
    textOf(user.name)
  );
}

export function readDirectory(file: (name: string) => Uint8Array | null): SlackDirectory {
  const directory: SlackDirectory = {
    users: new Map(),
    channels: new Map(),
    titles: new Map(),
    missing: [],
  };
  const list = (name: string): JsonObject[] => {
    const bytes = file(name);
    if (bytes === null) directory.missing.push(name);
    return bytes === null ? [] : cachedElements(bytes);
  };
  for (const user of list('users.json')) {
    const id = idOf(user.id);
    const name = userName(user);
    if (id && name) directory.users.set(id, name);
  }
  const people = (members: unknown) =>
    arrayOf(members)
      .map((member) => directory.users.get(stringOf(member) ?? '') ?? stringOf(member) ?? '?')
      .join(', ');
  for (const channel of [...list('channels.json'), ...list('groups.json')]) {
    const id = idOf(channel.id);
    const name = textOf(channel.name);
    if (!name) continue;
    if (id) directory.channels.set(id, name);
    directory.titles.set(name, `#${name}`);
  }
  for (const group of list('mpims.json')) {
    const name = textOf(group.name);
    if (name) directory.titles.set(name, people(group.members));
  }
  for (const direct of list('dms.json')) {
    const id = idOf(direct.id);
    if (id) directory.titles.set(id, people(direct.members));
  }
  return directory;
}
