/**
 * The reader, laid out like WeChat's desktop client: conversations (or search results) on the
 * left, the messages in the middle, the people of the current view (or a thread) on the right
 * (an overlay opened from the header in narrow windows). It owns the place (route), the search,
 * the selection and which dialog, menu or thread is open; the pieces it composes take plain props.
 */
import { useRef, useState } from 'react';
import type { ArchiveInfo, Settings } from '../../shared/api';
import { OverlapNotice } from '../conversations/OverlapNotice';
import { useOpenArchive } from '../home/useOpenArchive';
import { useT } from '../i18n/I18nContext';
import type { RowContext } from '../messages/actions';
import { ChatPane } from '../messages/ChatPane';
import { useLightbox } from '../messages/useLightbox';
import { HitStepper } from '../search/HitStepper';
import { useSearch } from '../search/useSearch';
import { changeOf, type ArchiveChanges } from './archiveChanges';
import { conversationTitle } from './conversationTitle';
import { LeftColumn } from './LeftColumn';
import { ReaderOverlays } from './ReaderOverlays';
import { SidePanel } from './SidePanel';
import { place } from './route';
import { SkipLinks } from './SkipLinks';
import { useHitStepping } from './useHitStepping';
import { useMessageActions } from './useMessageActions';
import { useNote } from './useNote';
import { useOverlays, type PendingOpen } from './useOverlays';
import { useDayNavigation } from './useDayNavigation';
import { usePanels } from './usePanels';
import { usePersonDate } from './usePersonDate';
import { useReaderCommands } from './useReaderCommands';
import { useReaderData } from './useReaderData';
import { useRoute } from './useRoute';
import { useSelection } from './useSelection';

export interface ReaderProps {
  archive: ArchiveInfo;
  /** Another archive being opened, or one that failed to open: this one stays meanwhile. */
  pending: PendingOpen;
  settings: Settings;
  onSettings: (patch: Partial<Settings>) => Promise<void>;
  /** Changes on disk since the archive opened: what is shown of a changed conversation reloads. */
  changes: ArchiveChanges;
  onArchiveOpened: () => void;
  /** The archive was read again as a whole (a merge, a time zone): everything shown reloads. */
  onReread: () => void;
}

export function Reader(props: ReaderProps) {
  const { archive, settings, onSettings, changes } = props;
  const t = useT();
  const { route, navigate, keepAnchor } = useRoute();
  const conversation = archive.conversations.find((c) => c.id === route.conversation) ?? null;
  const conversationId = conversation?.id ?? null;
  const person = conversationId !== null ? route.person : null;
  const [query, setQuery] = useState('');
  const overlays = useOverlays();
  const { setDialog } = overlays;
  const panels = usePanels(conversationId, settings.showSpeakers, onSettings);
  const { narrow } = panels;
  const [note, setNote] = useNote();
  const searchRef = useRef<HTMLInputElement>(null);
  const changed = changeOf(changes, conversationId);
  const data = useReaderData(conversationId, route.day, person, settings, changed, route.message);
  const search = useSearch(query, changeOf(changes, null));
  const hits = useHitStepping(query, search, route, navigate);
  const titleOf = (id: string) => conversationTitle(archive, id);
  const selection = useSelection(data.shown, setNote, titleOf);
  const open = useOpenArchive(props.onArchiveOpened);
  const lightbox = useLightbox(conversationId, data.shown, settings.loadRemoteImages);

  const days = useDayNavigation({
    conversation: conversationId,
    route,
    days: data.days,
    daysLoading: data.daysLoading,
    navigate,
  });
  const setPerson = (id: string | null) => {
    if (conversationId !== null) navigate(place(conversationId, route.day, { person: id }));
  };
  const personDate = usePersonDate({
    conversation: conversationId,
    person,
    day: route.day,
    shown: data.shown,
    total: data.personTotal,
    loadMore: data.loadMorePerson,
    navigate,
  });
  const exportSelection = () => {
    if (selection.count > 0) setDialog('export');
    else setNote(t('selection.nothingSelected'));
  };
  const changeSettings = (patch: Partial<Settings>) => {
    // A new zone re-reads the files whose times are instants: what is shown is read again.
    void onSettings(patch).then(() => {
      if (patch.timeZone !== undefined) props.onReread();
    });
  };

  useReaderCommands({
    searchRef,
    showConversations: panels.showConversations,
    toggleConversations: panels.toggleConversations,
    stepDay: days.stepDay,
    escape: () => {
      if (panels.closeOne()) return true;
      if (selection.count > 0) selection.clear();
      else if (person !== null) setPerson(null);
      else return false;
      return true;
    },
    copyText: () => {
      const text = selection.text();
      if (text !== null) setNote(t('selection.copied'));
      return text;
    },
    chooseFolder: open.chooseFolder,
    exportSelection,
    zoom: (step) => void onSettings({ textSize: zoomed(settings.textSize, step) }),
    toggleSpeakers: panels.togglePeople,
  });

  const actions = useMessageActions({
    loadRemoteImages: settings.loadRemoteImages,
    speakers: data.speakers,
    setPerson,
    openImage: lightbox.openImage,
    openThread: panels.openThread,
    navigate,
    setNote,
  });

  const personRow = person !== null ? data.people.find((row) => row.id === person) : undefined;
  const personName = personRow?.displayName ?? person ?? '';
  const searchTotal = search.current ? (search.result?.total ?? 0) : 0;
  const selectView = selection.selectView({
    person:
      person !== null && conversationId !== null
        ? { conversation: conversationId, id: person, name: personName }
        : null,
    query: query.trim() !== '' && searchTotal > 0 ? query.trim() : null,
  });
  const rowProps: RowContext = {
    isSelected: selection.isSelected,
    selecting: selection.count > 0,
    personOf: data.personOf,
    isMine: data.isMine,
    onSelect: selection.onSelect,
    onMenu: (message, position) => overlays.setMenu({ message, position }),
    actions,
  };

  return (
    <div
      className={`reader ${panels.className}`}
      style={settings.textSize !== 1 ? { zoom: settings.textSize } : undefined}
    >
      <SkipLinks hasMessages={data.rows.length > 0} />
      <LeftColumn
        hidden={panels.conversationsHidden}
        archive={archive}
        current={conversationId}
        onConversation={(id) => navigate(place(id, null))}
        pinned={settings.pinned}
        onPinned={(pinned) => void onSettings({ pinned })}
        query={query}
        onQuery={setQuery}
        search={search}
        onOpenHit={hits.openHit}
        openedHit={hits.opened?.id ?? null}
        onStepHit={hits.step}
        searchRef={searchRef}
        onSettings={() => setDialog('settings')}
        onDiagnostics={() => setDialog('diagnostics')}
        onOpenFolder={open.chooseFolder}
        pending={props.pending}
      />
      <ChatPane
        header={
          conversation && {
            title: titleOf(conversation.id),
            format: conversation.format,
            day: route.day,
            days: data.days,
            activity: data.days.find((d) => d.day === route.day),
            person: person === null ? null : { name: personName, total: data.personTotal },
            onClearPerson: () => setPerson(null),
            onDay: (day) => (person === null ? days.goToDay(day) : personDate(day)),
            onSelectDay: () => selection.add(data.shown),
            onSelectView: selectView,
            onGallery: () => setDialog('gallery'),
            people: panels.peopleButton,
          }
        }
        banner={
          <>
            {conversation && (
              <OverlapNotice
                key={conversation.id}
                conversation={conversation}
                all={archive.conversations}
                titleOf={titleOf}
                onChanged={props.onReread}
              />
            )}
            {hits.opened && (
              <HitStepper
                position={hits.position}
                total={hits.total}
                onStep={hits.step}
                onClose={hits.close}
              />
            )}
          </>
        }
        list={{
          key: data.listKey,
          rows: data.rows,
          focusMessage: route.message,
          focusHighlights: hits.opened?.highlights ?? [],
          anchor: route.anchor,
          onAnchor: keepAnchor,
          multiDay: person !== null,
          ...rowProps,
          ...(person ? { onNearEnd: data.loadMorePerson } : {}),
          endsAtLatest: person !== null || route.day === days.latestDay,
          onLatest: days.latest,
        }}
        loading={data.loading}
        error={data.error}
        selectedCount={selection.count}
        note={note}
        onCopy={() => void selection.copy()}
        onExport={() => setDialog('export')}
        onClearSelection={selection.clear}
      />
      <SidePanel
        thread={panels.thread}
        onCloseThread={panels.closeThread}
        showPeople={panels.showPeople}
        narrow={narrow}
        changed={changed}
        rows={rowProps}
        speakers={data.sidebar}
        settings={settings}
        onSettings={(patch) => void onSettings(patch)}
        person={person}
        onPerson={(id) => {
          setPerson(id);
          panels.closePeopleOverlay();
        }}
        onHidePeople={panels.hidePeople}
      />
      <ReaderOverlays
        archive={archive}
        pending={props.pending}
        open={open}
        overlays={overlays}
        conversation={conversation && { id: conversation.id, title: titleOf(conversation.id) }}
        settings={settings}
        onSettings={changeSettings}
        people={data.people}
        selection={{
          ids: selection.ids,
          isSelected: selection.isSelected,
          copy: selection.copy,
          toggle: (message) => selection.onSelect(message, 'toggle'),
        }}
        lightbox={lightbox}
        onOpenMessage={(message) =>
          navigate(place(message.conversation, message.day, { message: message.id }))
        }
        setNote={setNote}
      />
    </div>
  );
}

/** The text size one step larger (+1) or smaller (-1), or back to normal (0). */
function zoomed(size: number, step: 1 | -1 | 0): number {
  const next = step === 0 ? 1 : Math.round((size + step * 0.1) * 10) / 10;
  return Math.min(2, Math.max(0.75, next));
}
