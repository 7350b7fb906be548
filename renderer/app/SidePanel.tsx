/**
 * The right of the reader: a thread when one is open, else the people of the current view (a
 * column, or an overlay in narrow windows).
 */
import type { Settings, SpeakersResult } from '../../shared/api';
import type { RowContext } from '../messages/actions';
import { SpeakerSidebar } from '../speakers/SpeakerSidebar';
import { ThreadPanel } from '../threads/ThreadPanel';
import type { QueryState } from './useApiQuery';

export function SidePanel(props: {
  /** The thread open, by its first message's id; null shows the people. */
  thread: number | null;
  onCloseThread: () => void;
  showPeople: boolean;
  narrow: boolean;
  changed: number;
  rows: RowContext;
  speakers: QueryState<SpeakersResult>;
  settings: Settings;
  onSettings: (patch: Partial<Settings>) => void;
  person: string | null;
  onPerson: (person: string | null) => void;
  onHidePeople: () => void;
}) {
  const { thread, narrow, settings, onSettings } = props;
  if (thread !== null)
    return (
      <ThreadPanel
        id={thread}
        changed={props.changed}
        overlay={narrow}
        {...props.rows}
        onClose={props.onCloseThread}
      />
    );
  if (!props.showPeople) return null;
  return (
    <SpeakerSidebar
      overlay={narrow}
      result={props.speakers.data}
      loading={props.speakers.loading}
      scope={settings.speakerScope}
      onScope={(speakerScope) => onSettings({ speakerScope })}
      activePerson={props.person}
      onPerson={props.onPerson}
      me={settings.me}
      onMe={(me) => onSettings({ me })}
      onHide={props.onHidePeople}
    />
  );
}
