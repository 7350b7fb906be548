/** Telegram's service messages ("type": "service") as sentences a person reads. */
import { arrayOf, numberOf, stringOf, type JsonObject } from '../json/values';

/** Telegram writes a deleted account's name as null. */
export const DELETED_ACCOUNT = 'Deleted Account';

export function nameOf(value: unknown): string | undefined {
  if (value === null) return DELETED_ACCOUNT;
  return stringOf(value)?.trim() || undefined;
}

function list(names: string[]): string {
  if (names.length <= 1) return names[0] ?? 'nobody';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** `3 h 2 min`, `1 min 5 s`, `2 days`. */
function duration(seconds: number): string {
  const parts: string[] = [];
  const units: [number, string][] = [
    [86400, ' day'],
    [3600, ' h'],
    [60, ' min'],
    [1, ' s'],
  ];
  let rest = Math.round(seconds);
  for (const [size, unit] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 && parts.length < 2)
      parts.push(`${count}${unit}${unit === ' day' && count > 1 ? 's' : ''}`);
  }
  return parts.length === 0 ? '0 s' : parts.join(' ');
}

const quoted = (title: string | undefined) => (title ? ` "${title}"` : '');

export function serviceText(message: JsonObject, actor: string): string {
  const who = actor || 'Someone';
  const title = stringOf(message.title);
  const members = arrayOf(message.members).map((member) => nameOf(member) ?? DELETED_ACCOUNT);
  const seconds = numberOf(message.duration_seconds) ?? numberOf(message.duration);
  const lasted = seconds ? ` (${duration(seconds)})` : '';
  const action = stringOf(message.action) ?? '';
  switch (action) {
    case 'create_group':
      return `${who} created the group${quoted(title)}`;
    case 'create_channel':
      return `${who} created the channel${quoted(title)}`;
    case 'edit_group_title':
      return `${who} changed the group name to${quoted(title)}`;
    case 'edit_group_photo':
      return `${who} changed the group photo`;
    case 'delete_group_photo':
      return `${who} removed the group photo`;
    case 'invite_members':
      return members.length === 1 && members[0] === actor
        ? `${who} joined the group`
        : `${who} added ${list(members)}`;
    case 'remove_members':
      return members.length === 1 && members[0] === actor
        ? `${who} left the group`
        : `${who} removed ${list(members)}`;
    case 'join_group_by_link':
      return `${who} joined the group via an invite link`;
    case 'join_group_by_request':
      return `${who} joined the group`;
    case 'migrate_to_supergroup':
      return `${who} upgraded the group to a supergroup`;
    case 'migrate_from_group':
      return `${who} made this supergroup from the group${quoted(title)}`;
    case 'pin_message':
      return `${who} pinned a message`;
    case 'clear_history':
      return `${who} cleared the history`;
    case 'phone_call':
      return stringOf(message.discard_reason) === 'missed'
        ? `Missed call from ${who}`
        : `${who} called${lasted}`;
    case 'group_call':
      return `${who} started a video chat${lasted}`;
    case 'group_call_scheduled':
      return `${who} scheduled a video chat`;
    case 'invite_to_group_call':
      return `${who} invited ${list(members)} to the video chat`;
    case 'set_messages_ttl': {
      const period = numberOf(message.period) ?? 0;
      return period > 0
        ? `${who} set messages to disappear after ${duration(period)}`
        : `${who} turned off disappearing messages`;
    }
    case 'topic_created':
      return `${who} created the topic${quoted(title)}`;
    case 'topic_edit': {
      const renamed = stringOf(message.new_title);
      return renamed ? `${who} renamed the topic to "${renamed}"` : `${who} changed the topic icon`;
    }
    case 'joined_telegram':
      return `${who} joined Telegram`;
    case 'take_screenshot':
      return `${who} took a screenshot`;
    case 'score_in_game':
      return `${who} scored ${numberOf(message.score) ?? 0}`;
    case 'edit_chat_theme': {
      const emoji = stringOf(message.emoticon);
      return `${who} changed the chat theme${emoji ? ` to ${emoji}` : ''}`;
    }
    case 'set_chat_wallpaper':
    case 'set_same_chat_wallpaper':
      return `${who} set a new wallpaper`;
    default: {
      const information = stringOf(message.information_text);
      if (information) return information;
      return action ? `${who}: ${action.replace(/_/g, ' ')}` : `${who}: a service message`;
    }
  }
}
