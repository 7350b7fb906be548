/**
 * What `has:` asks about a message, as bits of the index's meta column: computed once when the
 * message is indexed, from its text (images, links, mentions, shared file names written in it)
 * and from what richer formats carry (attachments, replies, reactions, link cards).
 */
import type { ParsedMessage } from '../../../shared/model';
import type { Feature } from '../../../shared/query/parse';
import { messageFeatures } from '../../../shared/text/tokens';

const BITS: Record<string, number> = {
  image: 1,
  link: 2,
  mention: 4,
  file: 8,
  reply: 16,
  reaction: 32,
};

export function featureBit(feature: Feature): number {
  return BITS[feature] ?? 0;
}

/** The feature bits of a message. Most chat lines hold none of the characters a text feature
 *  needs, and skipping the tokenizer for them keeps indexing a million messages fast. */
export function featuresOf(message: ParsedMessage): number {
  let bits = 0;
  const text = message.text;
  if (text.includes('@') || text.includes('http') || text.includes('.') || text.includes('![')) {
    const found = messageFeatures(text);
    if (found.image) bits |= BITS.image!;
    if (found.link) bits |= BITS.link!;
    if (found.mention) bits |= BITS.mention!;
    if (found.file) bits |= BITS.file!;
  }
  for (const attachment of message.attachments ?? [])
    bits |= attachment.kind === 'image' || attachment.kind === 'sticker' ? BITS.image! : BITS.file!;
  // A link written under other words (Telegram's text_link, Slack's <url|label>) is a link too.
  if (message.links?.length || message.styles?.some((style) => style.kind === 'link'))
    bits |= BITS.link!;
  if (message.replyTo !== undefined) bits |= BITS.reply!;
  if (message.reactions?.length) bits |= BITS.reaction!;
  return bits;
}
