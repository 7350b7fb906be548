/**
 * DiscordChatExporter's JSON export: one channel (of a server, a DM or a group DM) per file, its
 * messages read as they stream in. A channel exported in parts (`… [part 2].json`) is one
 * conversation: the parts share an id, and the store folds messages they both hold by their
 * Discord id. Times are the timestamps' wall clock as written, i.e. the exporting machine's
 * clock (or UTC when exported with --utc), which is what the export itself shows; the offset
 * after them is not applied.
 */
import { STREAMED_FILE_BYTES } from '../whole';
import type { FileReader } from '../reader';
import { jsonSession, Tally } from '../json/session';
import { headText } from '../json/utf8';
import { isObject, stringOf, textOf, idOf, type JsonObject } from '../json/values';
import { conversationOfFile, folderOf } from '../paths';
import { readMessage, type ChannelState } from './message';

const SELECT = [['guild'], ['channel'], ['messages', '*']];
const HEAD = /^\{\s*"guild"\s*:\s*\{[\s\S]*?"channel"\s*:\s*\{/;
const PART = / \[part \d+\](?=\.json$)/i;
const DIRECT = /^Direct(Group)?TextChat$/;

function titleOf(guild: JsonObject, channel: JsonObject): string | null {
  const name = textOf(channel.name);
  if (!name) return null;
  const server = textOf(guild.name);
  if (DIRECT.test(stringOf(channel.type) ?? '') || !server || server === 'Direct Messages')
    return name;
  return `${server} › #${name}`;
}

export const discordReader: FileReader = {
  format: 'discord',
  // Streamed a message at a time: a big export never sits in memory whole.
  maxBytes: STREAMED_FILE_BYTES,
  sniff(path, head) {
    if (!/\.json$/i.test(path)) return 0;
    const text = headText(head).trimStart();
    if (!HEAD.test(text)) return 0;
    return /"messages"\s*:\s*\[/.test(text) ? 0.95 : 0.8;
  },
  begin(path, _context, sink) {
    const tally = new Tally();
    let guild: JsonObject = {};
    let channel: JsonObject = {};
    let conversation: number | null = null;
    let state: ChannelState | null = null;
    return jsonSession(sink, 'timestamp', {
      select: SELECT,
      holds: 'Discord channel',
      tally,
      value(selector, value, line) {
        if (selector === 0 && isObject(value)) guild = value;
        else if (selector === 1 && isObject(value)) channel = value;
        if (selector !== 2) return false;
        if (conversation === null || state === null) {
          conversation = sink.conversation({
            id: conversationOfFile(path.replace(PART, '')),
            title: titleOf(guild, channel),
            format: 'discord',
            day: null,
          });
          state = { folder: folderOf(path), channelId: idOf(channel.id), previous: null, tally };
        }
        const message = readMessage(value, line, state);
        if (message) sink.message(conversation, message);
        return message !== null;
      },
    });
  },
};
