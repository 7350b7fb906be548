/**
 * One WhatsApp message from its header's rest (`Name: text`, or a system line) and the lines that
 * continue it: who, what, whether WhatsApp wrote it (an event), its files, whether it was edited.
 * `folder` is the chat file's folder: attachments are its siblings.
 */
import type { ParsedMessage } from '../../model';
import { readBody } from './attachments';
import { cleanName, plainText, startsWithMark, withoutLeadingMarks } from './marks';
import { matchNotice, matchSystemLine } from './system';

/** Longer "names" before a colon are text, not a speaker. */
const LONGEST_NAME = 120;
const QUOTE = /["“”„«»「『]/;

export type MessageContent = Pick<
  ParsedMessage,
  'speaker' | 'text' | 'kind' | 'attachments' | 'edited'
>;

export function composeMessage(
  rest: string,
  continuation: readonly string[],
  folder: string,
): MessageContent {
  const split = splitSpeaker(rest);
  if (split === null) return systemEvent(rest, continuation);
  // Android system text holding a colon: `Ana changed the subject from "Trip: May" to "June"`.
  // Such lines quote a name before the colon; checking only those keeps messages cheap.
  if (QUOTE.test(split.speaker) && matchSystemLine(plainText(rest).trim()) !== null)
    return systemEvent(rest, continuation);

  const marked = startsWithMark(split.text);
  const said = withoutLeadingMarks(split.text);
  // A person may type anything: only lines WhatsApp marked (iOS writes group events so, under
  // the group's name) are tried against every system line; others against notices and calls.
  const plain = plainText(said).trim();
  const system = marked ? matchSystemLine(plain) : matchNotice(plain);
  if (system !== null) return event(system.call ? split.speaker : system.actor, said, continuation);
  const body = readBody(joinText(said, continuation), folder);
  const content: MessageContent = { speaker: split.speaker, text: body.text };
  if (body.attachments) content.attachments = body.attachments;
  if (body.edited) content.edited = true;
  return content;
}

function splitSpeaker(rest: string): { speaker: string; text: string } | null {
  let colon = rest.indexOf(': ');
  if (colon === -1 && rest.endsWith(':')) colon = rest.length - 1;
  if (colon <= 0 || colon > LONGEST_NAME) return null;
  const speaker = cleanName(rest.slice(0, colon));
  if (speaker === '') return null;
  return { speaker, text: rest.slice(colon + 2) };
}

function systemEvent(rest: string, continuation: readonly string[]): MessageContent {
  const text = withoutLeadingMarks(rest);
  return event(matchSystemLine(plainText(text).trim())?.actor ?? '', text, continuation);
}

function event(speaker: string, text: string, continuation: readonly string[]): MessageContent {
  return { speaker, text: joinText(text, continuation), kind: 'event' };
}

/** The first line and its continuation lines, each without trailing blanks. */
function joinText(first: string, continuation: readonly string[]): string {
  const lines = [first, ...continuation].map((line) => line.trimEnd());
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}
