/**
 * A Slack workspace export, unpacked or as its zip: a folder per channel, group DM or DM, with
 * a JSON array of the day's messages per day (`general/2024-03-04.json`), and the names at the
 * export's root (see directory.ts). A channel's folder is its conversation. Slack stores only
 * instants (`ts`): they are shown in the archive's one time zone. Replies in a thread carry
 * `threadOf`, their thread's first message.
 */
import { baseName, conversationOfFolder, folderOf } from '../paths';
import type { FileReader } from '../reader';
import { findDay } from '../../dates';
import { usableTimeZone } from '../json/clock';
import { jsonSession, plural, Tally } from '../json/session';
import { headText } from '../json/utf8';
import { COMPANIONS, readDirectory } from './directory';
import { readMessage, type DayState } from './message';

const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/i;
const HEAD = /^\[\s*\{/;
const DIRECT = /^(D[A-Z0-9]{6,}|mpdm-.+)$/;

/** The export's root: the folder above the channel folders. */
function rootOf(path: string): string {
  return folderOf(folderOf(path));
}

function companionPaths(path: string): string[] {
  const root = rootOf(path);
  return COMPANIONS.map((name) => (root === '' ? name : `${root}/${name}`));
}

export const slackReader: FileReader = {
  format: 'slack',
  sniff(path, head) {
    if (!DAY_FILE.test(baseName(path)) || folderOf(path) === rootOf(path)) return 0;
    const text = headText(head).trimStart();
    if (!HEAD.test(text)) return 0;
    const message = /"type"\s*:\s*"message"/.test(text);
    const ts = /"ts"\s*:\s*"\d{9,10}\.\d{1,6}"/.test(text);
    return message && ts ? 0.9 : 0;
  },
  companions: companionPaths,
  begin(path, context, sink) {
    const timeZone = usableTimeZone(context.timeZone, sink);
    const paths = companionPaths(path);
    const directory = readDirectory((name) => context.companion(paths[COMPANIONS.indexOf(name)]!));
    const folder = baseName(folderOf(path));
    const tally = new Tally();
    const state: DayState = {
      directory,
      timeZone,
      names: new Map(),
      unknown: new Set(),
      previous: null,
      tally,
    };
    let conversation: number | null = null;
    return jsonSession(sink, 'ts', {
      select: [['*']],
      holds: 'Slack messages',
      tally,
      say(key, count) {
        if (key !== 'unknownUser') return undefined;
        const missing = directory.missing.includes('users.json');
        return `${plural(count, "person's name", "people's names")} could not be found${missing ? ' (users.json is missing from the export)' : ' in users.json'}; their Slack user ids are shown instead.`;
      },
      value(_selector, value, line) {
        const message = readMessage(value, line, state);
        if (!message) return false;
        conversation ??= sink.conversation({
          id: conversationOfFolder(path),
          title: directory.titles.get(folder) ?? (DIRECT.test(folder) ? folder : `#${folder}`),
          format: 'slack',
          day: findDay(baseName(path)),
        });
        sink.message(conversation, message);
        return true;
      },
    });
  },
};
