/**
 * Every API answer is bounded: an answer too large for one message of a transport becomes an
 * error that says so, instead of a string past V8's limit (a crash) in the HTTP host or a
 * renderer out of memory over IPC.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScrollbackApi } from '../../../shared/api';
import { MAX_ANSWER_CHARACTERS, jsonLongerThan } from '../../../electron/service/answerSize';
import { callApi } from '../../../electron/service/api';

describe('the bound on an answer', () => {
  it('never counts more than the JSON takes, so an answer that fits is never refused', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const length = JSON.stringify(value).length;
        expect(jsonLongerThan(value, length)).toBe(false);
      }),
    );
  });

  it('counts strings, keys and elements: an answer past the bound is seen as such', () => {
    const message = { id: 1, text: 'x'.repeat(1000) };
    expect(jsonLongerThan([message, message], 2000)).toBe(true);
    expect(jsonLongerThan([message, message], 2100)).toBe(false);
  });

  it('turns an answer past 64 MB into an error that says what happened', async () => {
    // A hit carrying a 70-million-character message, as search would return it.
    const huge = 'x'.repeat(70 * 1024 * 1024);
    const api = {
      getDiagnostics: async () => [{ path: 'a.md', message: huge }],
    } as unknown as ScrollbackApi;
    const answer = await callApi(api, 'getDiagnostics', {});
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('unsupported');
    expect(answer.error.message).toMatch(/getDiagnostics: the answer is larger than the 64 MB/);
    const small = await callApi(
      {
        getDiagnostics: async () => [{ path: 'a.md', message: 'fine' }],
      } as unknown as ScrollbackApi,
      'getDiagnostics',
      {},
    );
    expect(small).toEqual({ ok: true, value: [{ path: 'a.md', message: 'fine' }] });
    expect(MAX_ANSWER_CHARACTERS).toBe(64 * 1024 * 1024);
  });
});
