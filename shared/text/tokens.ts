/**
 * Splits message text into tokens for display and filters: WeChat emoji shortcodes, @mentions,
 * URLs, Markdown images and shared file names. Concatenating the tokens' text always gives back
 * the message text exactly. Every pattern starts at a literal character and is bounded, so the
 * scan stays linear on hostile input.
 */
import emojiMap from '../../assets/emoji.json';
import type { Token } from '../model';

const EMOJI: ReadonlyMap<string, string> = new Map(
  Object.entries(emojiMap as Record<string, string>),
);

/** The emoji a WeChat shortcode name stands for (`强` -> 👍), or undefined for unknown names. */
export function emojiFor(name: string): string | undefined {
  return EMOJI.get(name);
}

// Alternatives, in priority order at one position: image, URL, mention, emoji shortcode.
const PATTERN =
  /(!\[([^\]\n]{0,100})\]\(([^)\s]{1,2048})\))|(https?:\/\/[^\s<>"'，。！？、；：（）【】「」《》]{1,2048})|((?<![A-Za-z0-9._%+-])@([^\s?？\u2005@，。！？、；：,;:!()（）「」<>]{1,40}(?:@[^\s?？\u2005@，。！？、；：,;:!()（）「」<>]{1,40})?))|(\[([^[\]\s]{1,8})\])/g;

const FILE_EXTENSION =
  /\.(pdf|docx?|xlsx?|pptx?|csv|zip|rar|7z|tar|gz|txt|md|apk|ipa|key|numbers|pages|vsdx?|xmind|mp3|mp4|mov|wav)(?![A-Za-z0-9])/gi;
/** Characters that cannot be part of a shared file's name (besides blanks). */
const NOT_IN_FILE_NAME = /[\s/\\:*?"<>|，。：；、！？（）()【】「」《》@]/;
const MAX_FILE_NAME = 80;

/** Trailing characters that end a sentence rather than a URL. */
const URL_TRAILING = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', "'", '"']);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let plainStart = 0;
  const pushPlain = (end: number) => {
    if (end > plainStart) pushFileTokens(text.slice(plainStart, end), tokens);
  };
  PATTERN.lastIndex = 0;
  for (let match = PATTERN.exec(text); match !== null; match = PATTERN.exec(text)) {
    let token: Token | null = null;
    let raw = match[0];
    if (match[1] !== undefined) {
      token = { kind: 'image', text: raw, alt: match[2] ?? '', src: match[3] ?? '' };
    } else if (match[4] !== undefined) {
      raw = trimUrl(raw);
      if (/^https?:\/\/.+/.test(raw)) token = { kind: 'url', text: raw, href: raw };
    } else if (match[5] !== undefined) {
      token = { kind: 'mention', text: raw, name: match[6] ?? '' };
    } else if (match[7] !== undefined && EMOJI.has(match[8] ?? '')) {
      token = { kind: 'emoji', text: raw, name: match[8] ?? '' };
    }
    if (token === null) {
      // Not a token after all (an unknown [word], a bare "http://"): step past its first character.
      PATTERN.lastIndex = match.index + 1;
      continue;
    }
    pushPlain(match.index);
    tokens.push(token);
    plainStart = match.index + raw.length;
    PATTERN.lastIndex = plainStart;
  }
  pushPlain(text.length);
  return tokens;
}

/** Finds shared file names (`分账接口V1.3.pdf`) in plain text, from their extension backwards. */
function pushFileTokens(text: string, tokens: Token[]): void {
  let plainStart = 0;
  FILE_EXTENSION.lastIndex = 0;
  for (let match = FILE_EXTENSION.exec(text); match !== null; match = FILE_EXTENSION.exec(text)) {
    const end = match.index + match[0].length;
    let start = match.index;
    while (
      start > plainStart &&
      match.index - start < MAX_FILE_NAME &&
      !NOT_IN_FILE_NAME.test(text[start - 1]!)
    )
      start--;
    if (start === match.index) continue;
    pushText(text.slice(plainStart, start), tokens);
    const name = text.slice(start, end);
    tokens.push({ kind: 'file', text: name, name });
    plainStart = end;
  }
  pushText(text.slice(plainStart), tokens);
}

function trimUrl(url: string): string {
  let end = url.length;
  while (end > 0 && URL_TRAILING.has(url[end - 1]!)) end--;
  return url.slice(0, end);
}

function pushText(text: string, tokens: Token[]): void {
  if (text === '') return;
  const last = tokens[tokens.length - 1];
  if (last?.kind === 'text') last.text += text;
  else tokens.push({ kind: 'text', text });
}

/** Which kinds of content a message holds, for `has:` filters. */
export interface MessageFeatures {
  image: boolean;
  link: boolean;
  mention: boolean;
  file: boolean;
}

export function messageFeatures(text: string): MessageFeatures {
  const features: MessageFeatures = { image: false, link: false, mention: false, file: false };
  for (const token of tokenize(text)) {
    if (token.kind === 'image') features.image = true;
    else if (token.kind === 'url') features.link = true;
    else if (token.kind === 'mention') features.mention = true;
    else if (token.kind === 'file') features.file = true;
  }
  return features;
}
