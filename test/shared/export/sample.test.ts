/**
 * Real data, round trip: the bundled sample's chats from other apps (a Telegram export, a
 * DiscordChatExporter file, a Slack export, WhatsApp chats) read through the store, exported in
 * every format, and the Markdown read back through the store again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCsv } from '../../../shared/export/csv';
import { attachmentLine, describeMessage, replyLine } from '../../../shared/export/describe';
import { formatHtml } from '../../../shared/export/html';
import { formatJson } from '../../../shared/export/json';
import { formatMarkdown } from '../../../shared/export/markdown';
import { formatText } from '../../../shared/export/text';
import type { Message } from '../../../shared/model';
import { BUNDLED_SAMPLE, tempArchive, type TempArchive } from '../../fixtures/archive';
import { dayByDayMessages, openSynced } from '../../fixtures/store';
import { parseCsv, undoFormulaGuard } from './csvReader';
import { expectJsonHolds } from './jsonReader';
import { testContext } from './messages';

/** Messages of each chat the sample holds in another app's format, conversation by conversation. */
let chats: Message[][];
const archives: TempArchive[] = [];

beforeAll(async () => {
  const store = await openSynced(BUNDLED_SAMPLE);
  try {
    const others = new Set(
      store
        .conversations()
        .filter((conversation) => conversation.format !== 'markdown')
        .map((conversation) => conversation.id),
    );
    const byConversation = new Map<string, Message[]>();
    for (const message of dayByDayMessages(store)) {
      if (!others.has(message.conversation)) continue;
      const list = byConversation.get(message.conversation) ?? [];
      list.push(message);
      byConversation.set(message.conversation, list);
    }
    chats = [...byConversation.values()];
  } finally {
    store.close();
  }
});
afterAll(() => archives.splice(0).forEach((archive) => archive.remove()));

const fields = (messages: readonly Message[]) =>
  messages.map(({ day, time, speaker, text }) => ({ day, time, speaker, text }));

describe("exports of the bundled sample's chats from other apps", () => {
  it('have every kind of thing to carry', () => {
    const all = chats.flat();
    expect(chats.length).toBeGreaterThanOrEqual(5);
    expect(all.filter((message) => message.kind === 'event').length).toBeGreaterThan(3);
    expect(all.filter((message) => message.reply?.id != null).length).toBeGreaterThan(3);
    expect(all.filter((message) => message.attachments?.length).length).toBeGreaterThan(3);
    expect(all.some((message) => message.reactions?.length)).toBe(true);
    expect(all.some((message) => message.styles?.length)).toBe(true);
    expect(all.some((message) => message.edited !== undefined)).toBe(true);
    expect(all.some((message) => message.forwardedFrom !== undefined)).toBe(true);
    expect(all.some((message) => message.thread !== undefined)).toBe(true);
  });

  it('Markdown: each chat read back through the store gives every message on its day, events included', async () => {
    const archive = tempArchive();
    archives.push(archive);
    chats.forEach((chat, index) =>
      archive.write(`chat${index}/thread.md`, formatMarkdown(chat, testContext())),
    );
    const store = await openSynced(archive.root);
    try {
      expect(store.diagnostics()).toEqual([]);
      const back = dayByDayMessages(store);
      chats.forEach((chat, index) => {
        const read = back.filter((message) => message.conversation === `chat${index}`);
        expect(fields(read)).toEqual(fields(chat));
      });
    } finally {
      store.close();
    }
  });

  it('JSON: every field of every message, replies by id within the file', () => {
    for (const chat of chats) expectJsonHolds(formatJson(chat, testContext()), chat);
  });

  it('HTML, CSV and text: each reply and each file is there', () => {
    for (const chat of chats) {
      const html = formatHtml(chat, testContext());
      const text = formatText(chat, testContext());
      const rows = parseCsv(formatCsv(chat, testContext())).slice(1);
      chat.forEach((message, index) => {
        if (message.reply) {
          expect(text).toContain(replyLine(message.reply));
          expect(undoFormulaGuard(rows[index]![8]!)).toBe(replyLine(message.reply));
          if (message.reply.id !== null && chat.some((other) => other.id === message.reply!.id))
            expect(html).toContain(`href="#m-${message.reply.id}"`);
        }
        for (const attachment of message.attachments ?? []) {
          expect(text).toContain(attachmentLine(attachment));
          expect(html).toContain(`${attachment.name.replaceAll('&', '&amp;')}`);
        }
        expect(undoFormulaGuard(rows[index]![9]!)).toBe(
          (message.attachments ?? []).map(attachmentLine).join('\n'),
        );
        for (const line of describeMessage(message)) expect(text).toContain(line);
      });
    }
  });
});
