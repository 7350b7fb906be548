/** getDayMessages over the API: a day whole, or its first page and then the rest. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserHost } from '../../../electron/http/browserHost';
import { callApi, createApi } from '../../../electron/service/api';
import { ArchiveService } from '../../../electron/service/archiveService';
import { SettingsStore } from '../../../electron/service/settings';
import type { ScrollbackApi } from '../../../shared/api';
import type { Message } from '../../../shared/model';
import { SAMPLE_ARCHIVE, sampleMissing } from '../../fixtures/archive';

describe.skipIf(sampleMissing())('getDayMessages', () => {
  const service = new ArchiveService({ cacheDir: null });
  const settings = new SettingsStore(null);
  let api: ScrollbackApi;
  beforeAll(async () => {
    await service.open(SAMPLE_ARCHIVE);
    api = createApi(service, settings, browserHost(service, settings));
  });
  afterAll(() => service.close());

  const conversation = 'source/proddev';
  const busiestDay = () =>
    service
      .days(conversation)
      .reduce((most, next) => (next.messages > most.messages ? next : most));

  it('answers a page of the day, and the pages join up to the whole day', async () => {
    const { day, messages: count } = busiestDay();
    const whole = await callApi(api, 'getDayMessages', { conversation, day });
    const first = await callApi(api, 'getDayMessages', { conversation, day, limit: 200 });
    if (!whole.ok || !first.ok) throw new Error('getDayMessages failed');
    const rest = await callApi(api, 'getDayMessages', {
      conversation,
      day,
      cursor: first.value.nextCursor,
    });
    if (!rest.ok) throw new Error('getDayMessages failed');
    // The day list counts the messages a user sees; the day also holds the marked echoes.
    const shown = whole.value.messages.filter((m) => m.echoOf === undefined && m.kind !== 'event');
    expect(shown).toHaveLength(count);
    expect(first.value.messages).toHaveLength(200);
    expect(first.value.total).toBe(whole.value.messages.length);
    expect(rest.value.messages).toHaveLength(whole.value.messages.length - 200);
    expect(rest.value.nextCursor).toBeUndefined();
    const ids = (messages: Message[]) => messages.map((message) => message.id);
    expect([...ids(first.value.messages), ...ids(rest.value.messages)]).toEqual(
      ids(whole.value.messages),
    );
  });

  it('refuses a page that is not a whole number (limit) or a cursor string', async () => {
    const { day } = busiestDay();
    for (const slice of [{ limit: 0 }, { cursor: -1 }, { limit: 1.5 }, { cursor: 200 }])
      expect(await callApi(api, 'getDayMessages', { conversation, day, ...slice })).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' },
      });
  });
});
