/** The middle of the window: the header, the message list or a helpful empty state, and the selection bar. */
import type { ConversationSummary, DayActivity, Message } from '../../shared/model';
import { errorSentence } from '../app/errors';
import type { useReaderData } from '../app/useReaderData';
import { useT } from '../i18n/I18nContext';
import { SelectionBar } from '../selection/SelectionBar';
import type { ClickMode, SelectionState } from '../selection/selection';
import { ChatHeader } from './ChatHeader';
import { MessageList } from './MessageList';
import type { TextActions } from './MessageText';

export interface ChatPaneProps {
  conversation: ConversationSummary | null;
  day: string | null;
  days: readonly DayActivity[];
  focusMessage: number | null;
  person: { id: string; name: string; total: number } | null;
  data: ReturnType<typeof useReaderData>;
  selection: SelectionState;
  note: string | null;
  actions: TextActions;
  speakersHidden: boolean;
  onShowSpeakers: () => void;
  onClearPerson: () => void;
  onDay: (day: string) => void;
  onSelect: (message: Message, mode: ClickMode) => void;
  onSelectDay: () => void;
  onSelectView: { label: string; run: () => void } | null;
  onCopy: () => void;
  onExport: () => void;
  onClearSelection: () => void;
}

export function ChatPane(props: ChatPaneProps) {
  const { conversation, day, days, focusMessage, person, data, selection, note, actions } = props;
  const t = useT();

  if (!conversation) {
    return (
      <main className="chat chat-empty">
        <p className="placeholder">{t('main.chooseConversation')}</p>
      </main>
    );
  }

  const dayCount = days.find((d) => d.day === day)?.messages ?? data.shown.length;
  let body;
  if (data.error) {
    body = (
      <p className="placeholder form-problem" role="alert">
        {errorSentence(data.error.code, t)}{' '}
        <span className="error-detail">{data.error.message}</span>
      </p>
    );
  } else if (data.rows.length === 0) {
    body = (
      <p className="placeholder">
        {data.loading
          ? t('common.loading')
          : person
            ? t('messages.noneForPerson')
            : t('messages.emptyDay')}
      </p>
    );
  } else {
    body = (
      <MessageList
        key={data.listKey}
        rows={data.rows}
        label={
          person
            ? t('header.personView', { name: person.name, count: person.total })
            : t('messages.listLabel', { day: day ?? '' })
        }
        focusMessage={focusMessage}
        multiDay={person !== null}
        isSelected={(id) => selection.selected.has(id)}
        selecting={selection.selected.size > 0}
        personOf={data.personOf}
        isMine={data.isMine}
        onSelect={props.onSelect}
        actions={actions}
        onNearEnd={person ? data.personMessages.loadMore : undefined}
      />
    );
  }

  return (
    <main className="chat" aria-busy={data.loading}>
      <ChatHeader
        title={conversation.title}
        day={day}
        days={days}
        dayCount={dayCount}
        person={person}
        onClearPerson={props.onClearPerson}
        onDay={props.onDay}
        onSelectDay={props.onSelectDay}
        onSelectView={props.onSelectView}
        speakersHidden={props.speakersHidden}
        onShowSpeakers={props.onShowSpeakers}
      />
      {body}
      {selection.selected.size > 0 ? (
        <SelectionBar
          count={selection.selected.size}
          note={note}
          onCopy={props.onCopy}
          onExport={props.onExport}
          onClear={props.onClearSelection}
        />
      ) : (
        note && (
          <div className="toast" role="status">
            {note}
          </div>
        )
      )}
    </main>
  );
}
