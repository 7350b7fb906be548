/** The reader's keys and the app's native menu (Find, Export Selection, View toggles, Open). */
import { useEffect, useRef, type RefObject } from 'react';
import { onApiEvent } from '../api';
import { useShortcuts } from './useShortcuts';

export interface ReaderCommands {
  searchRef: RefObject<HTMLInputElement | null>;
  showConversations: () => void;
  toggleConversations: () => void;
  stepDay: (direction: -1 | 1) => void;
  /** Esc: closes or clears the first thing open; returns whether there was one. */
  escape: () => boolean;
  copyText: () => string | null;
  chooseFolder: () => void;
  exportSelection: () => void;
  zoom: (step: 1 | -1 | 0) => void;
  toggleSpeakers: () => void;
}

export function useReaderCommands(commands: ReaderCommands): void {
  const latest = useRef(commands);
  useEffect(() => {
    latest.current = commands;
  });
  const { searchRef } = commands;

  useShortcuts({
    focusSearch: () => {
      latest.current.showConversations();
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    previousDay: () => latest.current.stepDay(-1),
    nextDay: () => latest.current.stepDay(1),
    escape: () => latest.current.escape(),
    copyText: () => latest.current.copyText(),
    openFolder: () => latest.current.chooseFolder(),
    exportSelection: () => latest.current.exportSelection(),
    zoom: (step) => latest.current.zoom(step),
  });

  useEffect(
    () =>
      onApiEvent((event) => {
        const run = latest.current;
        if (event.type !== 'command') return;
        if (event.command === 'find') {
          run.showConversations();
          window.setTimeout(() => searchRef.current?.focus(), 0);
        } else if (event.command === 'export') run.exportSelection();
        else if (event.command === 'open-folder') run.chooseFolder();
        else if (event.command === 'toggle-speakers') run.toggleSpeakers();
        else if (event.command === 'toggle-conversations') run.toggleConversations();
      }),
    [searchRef],
  );
}
