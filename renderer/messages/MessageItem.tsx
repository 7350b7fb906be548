/** A message of a list as its kind calls for: an event as a centred line, else a message row. */
import { EventRow } from './EventRow';
import { MessageRow, type MessageRowProps } from './MessageRow';

export function MessageItem(props: MessageRowProps) {
  return props.message.kind === 'event' ? <EventRow {...props} /> : <MessageRow {...props} />;
}
