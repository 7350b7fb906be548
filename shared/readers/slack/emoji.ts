/**
 * Slack names emoji by shortcode (`thumbsup`, `tada::skin-tone-2`), in reactions and written in
 * text (`:+1:`). The common ones show as their emoji; any other (a workspace's custom emoji)
 * stays `:name:`, as Slack shows one it cannot draw.
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

const WRITTEN = /:([a-z0-9_+-]{1,64})(?:::skin-tone-[2-6])?:/g;

/** Text with the shortcodes it writes (`see you :wave:`) shown as their emoji. */
export function withEmoji(text: string): string {
  if (!text.includes(':')) return text;
  return text.replace(WRITTEN, (written, name: string) => EMOJI[name] ?? written);
}

export function emojiOf(shortcode: string): string {
  const name = shortcode.split('::')[0]!;
  return EMOJI[name] ?? `:${name}:`;
}
