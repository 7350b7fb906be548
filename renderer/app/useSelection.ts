/**
 * The selection and what acts on it: clicks and ranges over the messages shown, "select the
 * current view" (a person's messages, or every search result, counted by the service), copying
 * as text, and the short note that says what happened.
 */
import { useCallback, useMemo, useReducer } from 'react';
import type { Message } from '../../shared/model';
import { useT } from '../i18n/I18nContext';
import { allPersonMessages } from '../messages/usePersonMessages';
import { isMarkdownHit, messagesOfHits } from '../search/hitMessages';
import { allSearchHits } from '../search/useSearch';
import { selectionText } from '../selection/copyText';
import { copyToClipboard } from '../selection/copyToClipboard';
import {
  EMPTY_SELECTION,
  selectedInOrder,
  selectionReducer,
  type ClickMode,
} from '../selection/selection';
import { asApiError, errorSentence } from './errors';

export interface ViewToSelect {
  /** The person shown, by id, and the name to say. */
  person: { conversation: string; id: string; name: string } | null;
  /** The search typed, when it has results. */
  query: string | null;
}

export function useSelection(
  shown: readonly Message[],
  setNote: (note: string) => void,
  titleOf: (conversation: string) => string,
) {
  const t = useT();
  const [selection, dispatch] = useReducer(selectionReducer, EMPTY_SELECTION);
  const ordered = useMemo(() => selectedInOrder(selection), [selection]);
  const ids = useMemo(() => ordered.map((message) => message.id), [ordered]);

  const onSelect = useCallback(
    (message: Message, mode: ClickMode) => dispatch({ type: 'click', message, mode, order: shown }),
    [shown],
  );
  const add = (messages: readonly Message[]) => dispatch({ type: 'add', messages });
  const fail = (error: unknown) => setNote(errorSentence(asApiError(error).code, t));

  const copy = (messages: readonly Message[] = ordered) =>
    copyToClipboard(selectionText(messages, titleOf)).then(
      () => setNote(t('selection.copied')),
      () => setNote(t('selection.copyFailed')),
    );

  /** "Select the current view": the person's messages, else every search result. */
  const selectView = (view: ViewToSelect): { label: string; run: () => void } | null => {
    if (view.person) {
      const { conversation, id, name } = view.person;
      return {
        label: t('selection.selectPerson', { name }),
        run: () => allPersonMessages(conversation, id).then(add, fail),
      };
    }
    if (view.query)
      return {
        label: t('selection.selectResults'),
        // Whole messages, so that copying and exporting them say all they carry.
        run: () =>
          allSearchHits(view.query!)
            .then((hits) => messagesOfHits(hits, isMarkdownHit))
            .then(add, fail),
      };
    return null;
  };

  return {
    selection,
    ids,
    count: selection.selected.size,
    isSelected: (id: number) => selection.selected.has(id),
    onSelect,
    add,
    copy,
    text: () => (selection.selected.size === 0 ? null : selectionText(ordered, titleOf)),
    clear: () => dispatch({ type: 'clear' }),
    selectView,
  };
}
