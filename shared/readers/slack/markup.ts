/**
 * Slack's message markup made readable: `<@U123>` -> `@Ana Lima`, `<#C123|general>` ->
 * `#general`, `<!here>` -> `@here`, `<http://…|label>` -> `label` linked to its address, and the
 * three escapes Slack writes (`&lt;` `&gt;` `&amp;`), emoji shortcodes (`:+1:` -> 👍). Emphasis
 * (`*bold*`) is left as written.
 */
import type { TextStyle } from '../../model';
import type { SlackDirectory } from './directory';
import { withEmoji } from './emoji';

const TOKEN = /<([^<>\n]{1,4096})>/g;
const ESCAPE = /&(lt|gt|amp);/g;
const ESCAPED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&' };

export function unescapeSlack(text: string): string {
  return text.includes('&') ? text.replace(ESCAPE, (_, name: string) => ESCAPED[name]!) : text;
}

export interface RenderedText {
  text: string;
  styles: TextStyle[];
  /** User ids that no name was found for. */
  unknownUsers: string[];
}

/** `plainNames`: people named without the `@` (for event sentences: "Ana Lima joined"). */
export function renderMarkup(
  raw: string,
  directory: SlackDirectory,
  names: Map<string, string>,
  plainNames = false,
): RenderedText {
  let text = '';
  const styles: TextStyle[] = [];
  const unknownUsers: string[] = [];
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(raw); match !== null; match = TOKEN.exec(raw)) {
    text += withEmoji(unescapeSlack(raw.slice(last, match.index)));
    last = match.index + match[0].length;
    const inside = match[1]!;
    const bar = inside.indexOf('|');
    const target = bar === -1 ? inside : inside.slice(0, bar);
    const label = bar === -1 ? undefined : unescapeSlack(inside.slice(bar + 1));
    if (target.startsWith('@')) {
      const id = target.slice(1);
      let name = directory.users.get(id) ?? names.get(id) ?? label?.replace(/^@/, '');
      if (name === undefined) {
        unknownUsers.push(id);
        name = id;
      }
      text += plainNames ? name : `@${name}`;
    } else if (target.startsWith('#')) {
      text += `#${label ?? directory.channels.get(target.slice(1)) ?? target.slice(1)}`;
    } else if (target.startsWith('!')) {
      const [command] = target.slice(1).split('^');
      text += label ?? (command === 'date' ? '' : `@${command}`);
    } else {
      const address = unescapeSlack(target);
      const shown = label ?? address;
      if (label !== undefined && label !== address)
        styles.push({
          kind: 'link',
          start: text.length,
          end: text.length + shown.length,
          href: address,
        });
      text += shown;
    }
  }
  text += withEmoji(unescapeSlack(raw.slice(last)));
  return { text, styles, unknownUsers };
}
