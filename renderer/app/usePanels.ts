/**
 * Which columns the reader shows: the conversations (hidden from the View menu), and on the
 * right a thread or the people, as a column or, in narrow windows, as an overlay opened from the
 * header. A thread belongs to its conversation: another conversation closes it.
 */
import { useEffect, useState } from 'react';
import type { Settings } from '../../shared/api';
import { useNarrow } from './useNarrow';

/** Below this width the people panel is an overlay opened from the header. */
const PEOPLE_OVERLAY_BELOW = 1024;

export function usePanels(
  conversation: string | null,
  showSpeakers: boolean,
  onSettings: (patch: Partial<Settings>) => unknown,
) {
  const [thread, setThread] = useState<number | null>(null);
  const [conversationsHidden, setConversationsHidden] = useState(false);
  const [peopleOpen, setPeopleOpen] = useState(false);
  const narrow = useNarrow(PEOPLE_OVERLAY_BELOW);
  useEffect(() => setThread(null), [conversation]);

  const showThread = conversation !== null && thread !== null;
  const showPeople = conversation !== null && !showThread && (narrow ? peopleOpen : showSpeakers);
  const togglePeople = () => {
    if (narrow) setPeopleOpen((shown) => !shown);
    else onSettings({ showSpeakers: !showSpeakers });
  };

  return {
    narrow,
    thread: showThread ? thread : null,
    openThread: setThread,
    closeThread: () => setThread(null),
    showPeople,
    conversationsHidden,
    showConversations: () => setConversationsHidden(false),
    toggleConversations: () => setConversationsHidden((hidden) => !hidden),
    togglePeople,
    /** The header's people button: shown when the panel is hidden, an overlay, or a thread. */
    peopleButton:
      narrow || !showSpeakers || showThread
        ? {
            open: showPeople,
            onToggle: () => {
              setThread(null);
              if (narrow) setPeopleOpen((shown) => !shown);
              else onSettings({ showSpeakers: true });
            },
          }
        : null,
    /** A person chosen in the overlay closes it. */
    closePeopleOverlay: () => {
      if (narrow) setPeopleOpen(false);
    },
    hidePeople: () => (narrow ? setPeopleOpen(false) : onSettings({ showSpeakers: false })),
    /** Esc: closes the people overlay, else the thread; says whether it closed one. */
    closeOne: () => {
      if (peopleOpen && narrow) setPeopleOpen(false);
      else if (showThread) setThread(null);
      else return false;
      return true;
    },
    className: [
      (showPeople || showThread) && !narrow ? '' : 'reader-no-speakers',
      showThread && !narrow ? 'reader-thread' : '',
      conversationsHidden ? 'reader-no-conversations' : '',
      narrow ? 'reader-narrow' : '',
    ]
      .filter(Boolean)
      .join(' '),
  };
}
