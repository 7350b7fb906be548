/**
 * The WeChat archives hold emoji as codes (`[强]`, `[捂脸]`) that the reader shows as emoji (👍,
 * 🤦). Someone who sees 👍 and searches for it expects to find those messages: a search term is
 * looked for as typed and with each emoji swapped for its codes (and each code for its emoji).
 */
import emojiMap from '../../assets/emoji.json';

const CODES = new Map<string, string[]>();
for (const [name, emoji] of Object.entries(emojiMap as Record<string, string>)) {
  const list = CODES.get(emoji);
  if (list) list.push(`[${name}]`);
  else CODES.set(emoji, [`[${name}]`]);
}
const EMOJI_OF = new Map(
  Object.entries(emojiMap as Record<string, string>).map(([name, emoji]) => [`[${name}]`, emoji]),
);

/** Longest emoji first, so that 👍🏻-style sequences win over their first part. */
const EMOJI = [...CODES.keys()].sort((a, b) => b.length - a.length);

/** At most this many spellings of one term are searched. */
const MAX_VARIANTS = 16;

/** The spellings of a (folded) search term: as typed, then with emoji and codes swapped. */
export function termVariants(term: string): string[] {
  const variants = new Set([term]);
  for (let at = 0; at < term.length && variants.size < MAX_VARIANTS; at++) {
    const swaps = swapsAt(term, at);
    if (!swaps) continue;
    for (const variant of [...variants]) {
      const index = variant.indexOf(swaps.found);
      if (index === -1) continue;
      for (const replacement of swaps.replacements) {
        if (variants.size >= MAX_VARIANTS) break;
        variants.add(
          variant.slice(0, index) + replacement + variant.slice(index + swaps.found.length),
        );
      }
    }
    at += swaps.found.length - 1;
  }
  return [...variants];
}

function swapsAt(term: string, at: number): { found: string; replacements: string[] } | null {
  if (term[at] === '[') {
    const close = term.indexOf(']', at);
    if (close !== -1 && close - at <= 9) {
      const code = term.slice(at, close + 1);
      const emoji = EMOJI_OF.get(code);
      if (emoji) return { found: code, replacements: [emoji] };
    }
  }
  if (term.charCodeAt(at) < 0x2000) return null;
  for (const emoji of EMOJI) {
    if (term.startsWith(emoji, at)) return { found: emoji, replacements: CODES.get(emoji)! };
  }
  return null;
}
