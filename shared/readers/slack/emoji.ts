/**
 * Slack names reactions by shortcode (`thumbsup`, `tada::skin-tone-2`). The common ones show as
 * their emoji; any other (a workspace's custom emoji) as `:name:`.
 */
const EMOJI: Readonly<Record<string, string>> = {
  '+1': '👍',
  thumbsup: '👍',
  '-1': '👎',
  thumbsdown: '👎',
  heart: '❤️',
  joy: '😂',
  smile: '😄',
  laughing: '😆',
  slightly_smiling_face: '🙂',
  wink: '😉',
  thinking_face: '🤔',
  tada: '🎉',
  eyes: '👀',
  fire: '🔥',
  pray: '🙏',
  clap: '👏',
  raised_hands: '🙌',
  ok_hand: '👌',
  muscle: '💪',
  wave: '👋',
  rocket: '🚀',
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  x: '❌',
  '100': '💯',
  star: '⭐',
  sob: '😭',
  cry: '😢',
  sweat_smile: '😅',
  party_popper: '🎉',
  sunny: '☀️',
  mountain: '⛰️',
  hiking_boot: '🥾',
};

export function emojiOf(shortcode: string): string {
  const name = shortcode.split('::')[0]!;
  return EMOJI[name] ?? `:${name}:`;
}
