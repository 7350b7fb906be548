/**
 * The reader, laid out like WeChat's desktop client: conversations (or search results) on the
 * left, the messages in the middle, the people of the current view on the right. It owns the
 * place (route), the person filter, the search query, the selection and which dialog is open.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { ArchiveInfo, SearchHit, Settings } from '../../shared/api';
import { resolveMention } from '../../shared/archive/mentions';
import type { Message } from '../../shared/model';
import { adjacentDay } from '../calendar/calendarModel';
import { DiagnosticsDialog } from '../diagnostics/DiagnosticsDialog';
import { onApiEvent } from '../api';
import { useT } from '../i18n/I18nContext';
import { ChatPane } from '../messages/ChatPane';
import { Lightbox } from '../messages/Lightbox';
import type { TextActions } from '../messages/MessageText';
import { allPersonMessages } from '../messages/usePersonMessages';
import { allSearchHits } from '../search/useSearch';
import { selectionText } from '../selection/copyText';
import { copyToClipboard } from '../selection/copyToClipboard';
import { ExportDialog } from '../selection/ExportDialog';
import {
  EMPTY_SELECTION,
  selectedInOrder,
  selectionReducer,
  type ClickMode,
} from '../selection/selection';
import { SettingsDialog } from '../settings/SettingsDialog';
import { SpeakerSidebar } from '../speakers/SpeakerSidebar';
import { changeOf, type ArchiveChanges } from './archiveChanges';
import { asApiError, errorSentence } from './errors';
import { LeftColumn } from './LeftColumn';
import { useReaderData } from './useReaderData';
import { useRoute } from './useRoute';
import { useShortcuts } from './useShortcuts';

type DialogName = 'settings' | 'export' | 'diagnostics' | null;

export interface ReaderProps {
  archive: ArchiveInfo;
  settings: Settings;
  onSettings: (patch: Partial<Settings>) => void;
  /** Changes on disk since the archive opened: what is shown of a changed conversation reloads. */
  changes: ArchiveChanges;
  onArchiveOpened: () => void;
}

export function Reader({ archive, settings, onSettings, changes, onArchiveOpened }: ReaderProps) {
  const t = useT();
  const { route, navigate } = useRoute();
  const conversation = archive.conversations.find((c) => c.id === route.conversation) ?? null;
  const conversationId = conversation?.id ?? null;
  const [person, setPerson] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [dialog, setDialog] = useState<DialogName>(null);
  const [image, setImage] = useState<{ url: string; alt: string } | null>(null);
  const [selection, dispatch] = useReducer(selectionReducer, EMPTY_SELECTION);
  const [note, setNote] = useState<string | null>(null);
  const [conversationsHidden, setConversationsHidden] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const changed = changeOf(changes, conversationId);
  const data = useReaderData(conversationId, route.day, person, settings, changed, route.message);
  const dayList = useMemo(() => data.days.data ?? [], [data.days.data]);

  // A change on disk may give later messages new ids (ids follow time order): selected messages
  // and the message in the address from there on would name others, so they are let go.
  const routeRef = useRef(route);
  routeRef.current = route;
  useEffect(
    () =>
      onApiEvent((event) => {
        if (event.type !== 'changed' || event.renumberedFrom === null) return;
        const from = event.renumberedFrom;
        dispatch({ type: 'forget', from });
        const place = routeRef.current;
        if (place.message !== null && place.message >= from)
          navigate({ ...place, message: null }, { replace: true });
      }),
    [navigate],
  );

  // The person filter belongs to a conversation.
  useEffect(() => setPerson(null), [conversationId]);

  // A conversation opened without a day lands on its latest day, as a chat app opens at the end.
  const latestDay = dayList[dayList.length - 1]?.day ?? null;
  useEffect(() => {
    if (conversationId !== null && route.day === null && latestDay !== null && !data.days.loading) {
      navigate({ conversation: conversationId, day: latestDay, message: null }, { replace: true });
    }
  }, [conversationId, route.day, latestDay, data.days.loading, navigate]);

  // A short-lived line under the selection count ("Copied").
  useEffect(() => {
    if (note === null) return;
    const timer = window.setTimeout(() => setNote(null), 2500);
    return () => window.clearTimeout(timer);
  }, [note]);

  const goToDay = useCallback(
    (day: string) => {
      if (conversationId === null) return;
      setPerson(null);
      navigate({ conversation: conversationId, day, message: null });
    },
    [conversationId, navigate],
  );
  const stepDay = (direction: -1 | 1) => {
    if (route.day === null || person !== null) return;
    const day = adjacentDay(dayList, route.day, direction);
    if (day) goToDay(day);
  };

  const openHit = useCallback(
    (hit: SearchHit) => {
      setPerson(null);
      navigate({ conversation: hit.conversation, day: hit.day, message: hit.id });
    },
    [navigate],
  );

  const onSelect = useCallback(
    (message: Message, mode: ClickMode) =>
      dispatch({ type: 'click', message, mode, order: data.shown }),
    [data.shown],
  );

  const copySelection = () => {
    const text = selectionText(selectedInOrder(selection));
    copyToClipboard(text).then(
      () => setNote(t('selection.copied')),
      () => setNote(t('selection.copyFailed')),
    );
  };

  useShortcuts({
    focusSearch: () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    previousDay: () => stepDay(-1),
    nextDay: () => stepDay(1),
    escape: () => {
      if (selection.selected.size > 0) {
        dispatch({ type: 'clear' });
        return true;
      }
      if (person !== null) {
        setPerson(null);
        return true;
      }
      return false;
    },
    copyText: () => {
      if (selection.selected.size === 0) return null;
      setNote(t('selection.copied'));
      return selectionText(selectedInOrder(selection));
    },
  });

  // The app's native menu (Find, Export Selection, View toggles) arrives as events.
  const selectedCount = selection.selected.size;
  const showSpeakers = settings.showSpeakers;
  useEffect(
    () =>
      onApiEvent((event) => {
        if (event.type !== 'command') return;
        if (event.command === 'find') {
          setConversationsHidden(false);
          window.setTimeout(() => searchRef.current?.focus(), 0);
        } else if (event.command === 'export') {
          if (selectedCount > 0) setDialog('export');
          else setNote(t('selection.nothingSelected'));
        } else if (event.command === 'toggle-speakers') onSettings({ showSpeakers: !showSpeakers });
        else if (event.command === 'toggle-conversations')
          setConversationsHidden((hidden) => !hidden);
      }),
    [selectedCount, showSpeakers, onSettings, t],
  );

  const speakers = data.conversationSpeakers.data?.speakers;
  const actions: TextActions = useMemo(
    () => ({
      loadRemoteImages: settings.loadRemoteImages,
      canFollowMention: (name: string) => resolveMention(name, speakers ?? []) !== null,
      onMention: (name: string) => {
        const speaker = resolveMention(name, speakers ?? []);
        if (speaker) setPerson(speaker.person);
      },
      onOpenImage: setImage,
    }),
    [settings.loadRemoteImages, speakers],
  );

  const personRow = person !== null ? data.people.find((row) => row.id === person) : undefined;
  /** "Select the current view": the person filter's messages, else every search result. */
  const selectView = (): { label: string; run: () => void } | null => {
    const keepEchoes = settings.showEchoes;
    if (person !== null && conversationId !== null) {
      const label = t('selection.selectPerson', { name: personRow?.displayName ?? person });
      const run = () =>
        allPersonMessages(conversationId, person).then(
          (messages) =>
            dispatch({
              type: 'add',
              messages: messages.filter((m) => keepEchoes || m.echoOf === undefined),
            }),
          (error: unknown) => setNote(errorSentence(asApiError(error).code, t)),
        );
      return { label, run };
    }
    if (query.trim() !== '') {
      const run = () =>
        allSearchHits(query.trim()).then(
          (hits) => dispatch({ type: 'add', messages: hits }),
          (error: unknown) => setNote(errorSentence(asApiError(error).code, t)),
        );
      return { label: t('selection.selectResults'), run };
    }
    return null;
  };

  const ids = useMemo(() => selectedInOrder(selection).map((message) => message.id), [selection]);

  return (
    <div
      className={`reader${settings.showSpeakers && conversation ? '' : ' reader-no-speakers'}${conversationsHidden ? ' reader-no-conversations' : ''}`}
    >
      <LeftColumn
        hidden={conversationsHidden}
        archive={archive}
        current={conversationId}
        onConversation={(id) => navigate({ conversation: id, day: null, message: null })}
        query={query}
        onQuery={setQuery}
        changed={changeOf(changes, null)}
        onOpenHit={openHit}
        searchRef={searchRef}
        onSettings={() => setDialog('settings')}
        onDiagnostics={() => setDialog('diagnostics')}
        onArchiveOpened={onArchiveOpened}
      />
      <ChatPane
        conversation={conversation}
        day={route.day}
        days={dayList}
        focusMessage={route.message}
        person={
          person === null
            ? null
            : {
                id: person,
                name: personRow?.displayName ?? person,
                total: data.personMessages.total,
              }
        }
        data={data}
        selection={selection}
        note={note}
        actions={actions}
        speakersHidden={!settings.showSpeakers}
        onShowSpeakers={() => onSettings({ showSpeakers: true })}
        onClearPerson={() => setPerson(null)}
        onDay={goToDay}
        onSelect={onSelect}
        onSelectDay={() => dispatch({ type: 'add', messages: data.shown })}
        onSelectView={selectView()}
        onCopy={copySelection}
        onExport={() => setDialog('export')}
        onClearSelection={() => dispatch({ type: 'clear' })}
      />
      {settings.showSpeakers && conversation && (
        <SpeakerSidebar
          result={data.sidebarSpeakers.data}
          loading={data.sidebarSpeakers.loading}
          scope={settings.speakerScope}
          onScope={(speakerScope) => onSettings({ speakerScope })}
          activePerson={person}
          onPerson={setPerson}
          me={settings.me}
          onMe={(me) => onSettings({ me })}
          onHide={() => onSettings({ showSpeakers: false })}
        />
      )}
      {dialog === 'settings' && (
        <SettingsDialog
          settings={settings}
          onChange={onSettings}
          people={data.people}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'diagnostics' && <DiagnosticsDialog onClose={() => setDialog(null)} />}
      {dialog === 'export' && <ExportDialog ids={ids} onClose={() => setDialog(null)} />}
      {image && <Lightbox image={image} onClose={() => setImage(null)} />}
    </div>
  );
}
