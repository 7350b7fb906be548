/** One message of a Slack export's day file as a ParsedMessage. */
import type { Attachment, LinkCard, ParsedMessage, Reaction } from '../../model';
import { fileKind } from '../json/attachments';
import { clockText, instantClock } from '../json/clock';
import { clockOrPrevious, type MessageSequence } from '../json/session';
import {
  arrayOf,
  isObject,
  numberOf,
  objectsOf,
  stringOf,
  textOf,
  type JsonObject,
} from '../json/values';
import type { SlackDirectory } from './directory';
import { renderMarkup, unescapeSlack } from './markup';
import { emojiOf } from './emoji';

export interface DayState extends MessageSequence {
  directory: SlackDirectory;
  timeZone: string;
  /** Names from the messages' own `user_profile`, for exports without users.json. */
  names: Map<string, string>;
  /** User ids shown because no name was found for them. */
  unknown: Set<string>;
}

/** Subtypes that are things happening to the channel rather than things said. */
const EVENTS = new Set([
  'channel_join',
  'channel_leave',
  'group_join',
  'group_leave',
  'channel_topic',
  'group_topic',
  'channel_purpose',
  'group_purpose',
  'channel_name',
  'group_name',
  'channel_archive',
  'group_archive',
  'channel_unarchive',
  'group_unarchive',
  'channel_convert_to_private',
  'channel_convert_to_public',
  'pinned_item',
  'unpinned_item',
  'bot_add',
  'bot_remove',
]);

function profileName(message: JsonObject): string | undefined {
  const profile = isObject(message.user_profile) ? message.user_profile : {};
  return textOf(profile.display_name) ?? textOf(profile.real_name) ?? textOf(profile.name);
}

function unknownUser(id: string, state: DayState): void {
  if (state.unknown.has(id)) return;
  state.unknown.add(id);
  state.tally.add('unknownUser');
}

function speakerOf(message: JsonObject, state: DayState): string {
  const user = stringOf(message.user);
  if (!user || stringOf(message.subtype) === 'bot_message') {
    const bot = isObject(message.bot_profile) ? message.bot_profile : {};
    return (
      textOf(message.username) ?? textOf(bot.name) ?? textOf(message.bot_id) ?? user ?? 'Slackbot'
    );
  }
  const own = profileName(message);
  if (own && !state.names.has(user)) state.names.set(user, own);
  const name = state.directory.users.get(user) ?? state.names.get(user);
  if (name) return name;
  unknownUser(user, state);
  return user;
}

/** What Slack says when an event's own text is empty. */
function eventText(message: JsonObject, subtype: string, who: string): string {
  const topic = stringOf(message.topic) ?? stringOf(message.purpose) ?? stringOf(message.name);
  const what = subtype.replace(/^(channel|group)_/, '').replace(/_/g, ' ');
  return topic ? `${who} set the channel ${what}: ${topic}` : `${who}: ${what}`;
}

function files(message: JsonObject): Attachment[] {
  return objectsOf(message.files).map((file) => {
    const name =
      textOf(file.name) ?? textOf(file.title) ?? 'A file that is no longer in the workspace';
    const mime = textOf(file.mimetype);
    const attachment: Attachment = { kind: fileKind(name, mime), name, path: null };
    const url = textOf(file.url_private) ?? textOf(file.permalink);
    if (url) attachment.url = url;
    const size = numberOf(file.size);
    if (size !== undefined) attachment.size = size;
    if (mime) attachment.mime = mime;
    const [width, height] = [numberOf(file.original_w), numberOf(file.original_h)];
    if (width && height) Object.assign(attachment, { width, height });
    return attachment;
  });
}

/** Unfurled links are cards; attachments without a link (bots' reports) are kept as text. */
function unfurls(message: JsonObject): { links: LinkCard[]; lines: string[] } {
  const links: LinkCard[] = [];
  const lines: string[] = [];
  for (const attachment of objectsOf(message.attachments)) {
    const url =
      textOf(attachment.from_url) ??
      textOf(attachment.title_link) ??
      textOf(attachment.original_url);
    const title = textOf(attachment.title) ?? textOf(attachment.service_name);
    const description = textOf(attachment.text) ?? textOf(attachment.fallback);
    if (url) {
      const card: LinkCard = { url };
      if (title) card.title = unescapeSlack(title);
      if (description) card.description = unescapeSlack(description);
      links.push(card);
    } else {
      for (const line of [textOf(attachment.pretext), title, description])
        if (line) lines.push(unescapeSlack(line));
    }
  }
  return { links, lines };
}

function reactions(message: JsonObject, state: DayState): Reaction[] {
  return objectsOf(message.reactions).flatMap((reaction): Reaction[] => {
    const name = textOf(reaction.name);
    if (!name) return [];
    const names = arrayOf(reaction.users).flatMap((user) => {
      const id = stringOf(user);
      return id ? [state.directory.users.get(id) ?? state.names.get(id) ?? id] : [];
    });
    const result: Reaction = {
      emoji: emojiOf(name),
      count: numberOf(reaction.count) ?? names.length,
    };
    if (names.length > 0) result.names = names;
    return [result];
  });
}

export function readMessage(value: unknown, line: number, state: DayState): ParsedMessage | null {
  if (!isObject(value) || !('ts' in value)) {
    state.tally.add('notMessage', line);
    return null;
  }
  const ts = stringOf(value.ts) ?? String(numberOf(value.ts) ?? '');
  const clock = clockOrPrevious(instantClock(numberOf(ts), state.timeZone), state, line);
  if (!clock) return null;
  const subtype = stringOf(value.subtype) ?? '';
  const event = EVENTS.has(subtype);
  const speaker = speakerOf(value, state);
  const rendered = renderMarkup(stringOf(value.text) ?? '', state.directory, state.names, event);
  for (const id of rendered.unknownUsers) unknownUser(id, state);
  const { links, lines } = unfurls(value);
  const message: ParsedMessage = {
    day: clock.day,
    time: clock.time,
    speaker,
    text: [rendered.text, ...lines].filter(Boolean).join('\n'),
    line,
    sourceId: ts,
  };
  if (event) {
    message.kind = 'event';
    if (message.text === '') message.text = eventText(value, subtype, speaker);
  }
  if (rendered.styles.length > 0) message.styles = rendered.styles;
  const thread = stringOf(value.thread_ts);
  if (thread && thread !== ts) message.threadOf = thread;
  if (isObject(value.edited)) {
    const edited = instantClock(numberOf(value.edited.ts), state.timeZone);
    message.edited = edited ? clockText(edited) : true;
  }
  if (arrayOf(value.pinned_to).length > 0) message.pinned = true;
  const attached = files(value);
  if (attached.length > 0) message.attachments = attached;
  const reacted = reactions(value, state);
  if (reacted.length > 0) message.reactions = reacted;
  if (links.length > 0) message.links = links;
  return message;
}
