/**
 * DiscordChatExporter's system messages (joins, pins, calls, renames) as sentences. Older
 * exports hold Discord's raw content (a new channel name), newer ones DiscordChatExporter's own
 * sentence ("Pinned a message."): both read as "<author> pinned a message".
 */
import { objectsOf, stringOf, type JsonObject } from '../json/values';

export const SYSTEM_TYPES = new Set([
  'RecipientAdd',
  'RecipientRemove',
  'Call',
  'ChannelNameChange',
  'ChannelIconChange',
  'ChannelPinnedMessage',
  'GuildMemberJoin',
  'UserPremiumGuildSubscription',
  'UserPremiumGuildSubscriptionTier1',
  'UserPremiumGuildSubscriptionTier2',
  'UserPremiumGuildSubscriptionTier3',
  'ChannelFollowAdd',
  'ThreadCreated',
]);

/** DiscordChatExporter's own sentences start with one of these verbs. */
const OWN_SENTENCE = /^(Added|Removed|Left|Started|Changed|Pinned|Joined) /;

export function authorName(user: unknown): string | undefined {
  if (typeof user !== 'object' || user === null) return undefined;
  const { nickname, name } = user as JsonObject;
  return stringOf(nickname)?.trim() || stringOf(name)?.trim() || undefined;
}

function minutesBetween(start: unknown, end: unknown): number | null {
  const from = Date.parse(stringOf(start) ?? '');
  const to = Date.parse(stringOf(end) ?? '');
  return Number.isFinite(from) && Number.isFinite(to)
    ? Math.max(0, Math.round((to - from) / 60000))
    : null;
}

export function systemText(message: JsonObject, who: string): string {
  const content = (stringOf(message.content) ?? '').trim();
  if (OWN_SENTENCE.test(content))
    return `${who} ${content[0]!.toLowerCase()}${content.slice(1).replace(/\.$/, '')}`;
  const mentioned = objectsOf(message.mentions).map(authorName)[0];
  switch (stringOf(message.type)) {
    case 'RecipientAdd':
      return `${who} added ${mentioned ?? 'someone'} to the group`;
    case 'RecipientRemove':
      return mentioned === undefined || mentioned === who
        ? `${who} left the group`
        : `${who} removed ${mentioned} from the group`;
    case 'Call': {
      const minutes = minutesBetween(message.timestamp, message.callEndedTimestamp);
      return minutes === null
        ? `${who} started a call`
        : `${who} started a call that lasted ${minutes} min`;
    }
    case 'ChannelNameChange':
      return content
        ? `${who} changed the channel name to ${content}`
        : `${who} changed the channel name`;
    case 'ChannelIconChange':
      return `${who} changed the channel icon`;
    case 'ChannelPinnedMessage':
      return `${who} pinned a message`;
    case 'GuildMemberJoin':
      return `${who} joined the server`;
    case 'ChannelFollowAdd':
      return `${who} followed ${content || 'a channel'}`;
    case 'ThreadCreated':
      return content ? `${who} started a thread: ${content}` : `${who} started a thread`;
    default:
      return `${who} boosted the server`;
  }
}
