import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArchiveService } from '../../electron/service/archiveService';
import { exportToFile } from '../../electron/service/export';
import { selectionText } from '../../renderer/selection/copyText';
import type { Message } from '../../shared/model';
import { BUNDLED_SAMPLE, tempArchive } from '../fixtures/archive';
import {
  EMPTY_SELECTION,
  clickMode,
  rangeBetween,
  selectedInOrder,
  selectionReducer,
  type SelectionState,
} from '../../renderer/selection/selection';

const day: Message[] = [0, 1, 2, 3, 4, 5].map((id) => ({
  id,
  conversation: 'c',
  day: '2018-05-15',
  time: `09:0${id}:00`,
  speaker: `s${id}`,
  text: `t${id}`,
  path: 'c/2018-05-15-chat.md',
  line: 1 + id * 4,
}));
const m = (id: number) => day[id]!;
const ids = (state: SelectionState) => selectedInOrder(state).map((message) => message.id);

function clicks(...steps: [number, 'single' | 'toggle' | 'range'][]): SelectionState {
  return steps.reduce<SelectionState>(
    (state, [id, mode]) =>
      selectionReducer(state, { type: 'click', message: m(id), mode, order: day }),
    EMPTY_SELECTION,
  );
}

describe('selection', () => {
  it('selects one message with a plain click, and clears it with a second', () => {
    expect(ids(clicks([2, 'single']))).toEqual([2]);
    expect(ids(clicks([2, 'single'], [4, 'single']))).toEqual([4]);
    expect(ids(clicks([2, 'single'], [2, 'single']))).toEqual([]);
  });

  it('extends a range from the last click, in either direction', () => {
    expect(ids(clicks([1, 'single'], [4, 'range']))).toEqual([1, 2, 3, 4]);
    expect(ids(clicks([4, 'single'], [1, 'range']))).toEqual([1, 2, 3, 4]);
  });

  it('toggles with Ctrl/Cmd and keeps the rest', () => {
    expect(ids(clicks([1, 'single'], [3, 'toggle'], [5, 'toggle']))).toEqual([1, 3, 5]);
    expect(ids(clicks([1, 'single'], [3, 'toggle'], [1, 'toggle']))).toEqual([3]);
  });

  it('adds ranges to an existing selection', () => {
    expect(ids(clicks([0, 'single'], [3, 'toggle'], [5, 'range']))).toEqual([0, 3, 4, 5]);
  });

  it('toggles when a range has no anchor in this view', () => {
    expect(ids(clicks([2, 'range']))).toEqual([2]);
    const nextDay: Message = { ...m(0), id: 99, day: '2018-05-16' };
    const elsewhere = selectionReducer(EMPTY_SELECTION, {
      type: 'click',
      message: nextDay,
      mode: 'single',
      order: [nextDay],
    });
    expect(
      ids(selectionReducer(elsewhere, { type: 'click', message: m(3), mode: 'range', order: day })),
    ).toEqual([3, 99]);
  });

  it('adds a whole view and clears', () => {
    const all = selectionReducer(EMPTY_SELECTION, { type: 'add', messages: day });
    expect(ids(all)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(selectionReducer(all, { type: 'clear' })).toBe(EMPTY_SELECTION);
  });

  it('finds ranges only between messages in the view', () => {
    expect(rangeBetween(day, 2, 2)?.map((x) => x.id)).toEqual([2]);
    expect(rangeBetween(day, 2, 42)).toBeNull();
  });

  it('reads modifier keys', () => {
    expect(clickMode({ shiftKey: true, ctrlKey: true, metaKey: false })).toBe('range');
    expect(clickMode({ shiftKey: false, ctrlKey: false, metaKey: true })).toBe('toggle');
    expect(clickMode({ shiftKey: false, ctrlKey: false, metaKey: false })).toBe('single');
  });
});

describe('copy as text', () => {
  it('writes one line per message in reading order', () => {
    const text = selectionText([m(2), m(0)]);
    expect(text).toBe('2018-05-15 09:00:00 s0: t0\n2018-05-15 09:02:00 s2: t2');
  });

  it('orders by day and time, not by id, and indents continuation lines', () => {
    const later: Message = { ...m(0), id: 1, text: '近期分享安排：\n5.15 @卢克\n5.20' };
    const earlier: Message = { ...m(1), id: 2, day: '2017-05-05', speaker: '', text: 'text' };
    expect(selectionText([later, earlier])).toBe(
      '2017-05-05 09:01:00 text\n2018-05-15 09:00:00 s0: 近期分享安排：\n    5.15 @卢克\n    5.20',
    );
  });

  describe('on the bundled sample', () => {
    const service = new ArchiveService({ cacheDir: null });
    const out = tempArchive('scrollback-copy-');
    afterAll(() => {
      service.close();
      out.remove();
    });

    it('copies exactly what the text export writes: two conversations, events, files, replies', async () => {
      await service.open(BUNDLED_SAMPLE);
      const telegram = service.conversations().find((c) => c.format === 'telegram')!;
      const [firstDay] = service.days(telegram.id);
      const messages = [
        ...service.dayMessages('groups/trailclub', '2024-03-05').messages,
        ...service.dayMessages(telegram.id, firstDay!.day).messages,
      ].filter((message) => message.echoOf === undefined);
      expect(messages.some((message) => message.kind === 'event')).toBe(true);
      expect(messages.some((message) => (message.attachments ?? []).length > 0)).toBe(true);
      const path = join(out.root, 'selection.txt');
      await exportToFile(service, { ids: messages.map((m) => m.id), format: 'txt', path });
      // Selected in any order, as clicks and searches add them.
      const shuffled = [...messages].reverse();
      const titleOf = (id: string) => service.conversations().find((c) => c.id === id)!.title;
      expect(`${selectionText(shuffled, titleOf)}\n`).toBe(readFileSync(path, 'utf8'));
    });
  });
});
