/** getDayMessages over the API: a day whole, or its first screenful and then the rest. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserHost } from '../../../electron/http/browserHost';
import { callApi, createApi } from '../../../electron/service/api';
import { ArchiveService } from '../../../electron/service/archiveService';
import { SettingsStore } from '../../../electron/service/settings';
import type { ScrollbackApi } from '../../../shared/api';
import type { Message } from '../../../shared/model';
import { SAMPLE_ARCHIVE } from '../../fixtures/archive';

describe('getDayMessages', () => {
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

  it('answers a slice of the day, and the slices join up to the whole day', async () => {
    const { day, messages: count } = busiestDay();
    const whole = await callApi(api, 'getDayMessages', { conversation, day });
    const first = await callApi(api, 'getDayMessages', { conversation, day, limit: 200 });
    const rest = await callApi(api, 'getDayMessages', { conversation, day, offset: 200 });
    if (!whole.ok || !first.ok || !rest.ok) throw new Error('getDayMessages failed');
    expect(whole.value).toHaveLength(count);
    expect(first.value).toHaveLength(200);
    expect(rest.value).toHaveLength(count - 200);
    const ids = (messages: Message[]) => messages.map((message) => message.id);
    expect([...ids(first.value), ...ids(rest.value)]).toEqual(ids(whole.value));
  });

  it('refuses a slice that is not whole numbers from 0 (offset) or 1 (limit)', async () => {
    const { day } = busiestDay();
    for (const slice of [{ limit: 0 }, { offset: -1 }, { limit: 1.5 }, { offset: '200' }])
      expect(await callApi(api, 'getDayMessages', { conversation, day, ...slice })).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' },
      });
  });
});
