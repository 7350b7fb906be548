import { describe, expect, it } from 'vitest';
import { selectionText } from '../../renderer/selection/copyText';
import { plainContext } from '../../shared/export/context';
import { formatText } from '../../shared/export/text';
import type { Message } from '../../shared/model';
import {
  EMPTY_SELECTION,
  clickMode,
  rangeBetween,
  selectedInOrder,
  selectionReducer,
  type SelectedMessage,
  type SelectionState,
} from '../../renderer/selection/selection';

const day: SelectedMessage[] = [0, 1, 2, 3, 4, 5].map((id) => ({
  id,
  day: '2018-05-15',
  time: `09:0${id}:00`,
  speaker: `s${id}`,
  text: `t${id}`,
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
    const elsewhere = selectionReducer(EMPTY_SELECTION, {
      type: 'click',
      message: { ...m(0), id: 99 },
      mode: 'single',
      order: [{ ...m(0), id: 99 }],
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

  it('keeps the selected messages a change on disk did not renumber', () => {
    const selected = clicks([1, 'single'], [4, 'range']);
    const after = selectionReducer(selected, { type: 'forget', from: 3 });
    expect(ids(after)).toEqual([1, 2]);
    expect(after.anchor).toBe(1);
    expect(selectionReducer(selected, { type: 'forget', from: 9 })).toBe(selected);
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

  it('copies exactly what the text export writes, continuation lines indented', () => {
    const messages: Message[] = [
      {
        id: 1,
        conversation: 'c',
        day: '2018-05-15',
        time: '09:02:16',
        speaker: '李雄峰',
        text: '近期分享安排：\n5.15 @卢克\n5.20',
        path: 'c/x.md',
        line: 1,
      },
      {
        id: 2,
        conversation: 'c',
        day: '2017-05-05',
        time: '14:39:14',
        speaker: '',
        text: 'text',
        path: 'c/y.md',
        line: 9,
      },
    ];
    const copied = selectionText(messages);
    expect(copied).toBe(
      '2018-05-15 09:02:16 李雄峰: 近期分享安排：\n    5.15 @卢克\n    5.20\n2017-05-05 14:39:14 text',
    );
    expect(`${copied}\n`).toBe(formatText(messages, plainContext('now')));
  });
});
