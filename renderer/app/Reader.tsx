/**
 * The reader, laid out like WeChat's desktop client: conversations (or search results) on the
 * left, the messages in the middle, the people of the current view on the right (an overlay
 * opened from the header in narrow windows). It owns the place (route), the search, the
 * selection and which dialog or menu is open; the pieces it composes take plain props.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArchiveInfo, ArchiveStatus, SearchHit, Settings } from '../../shared/api';
import { resolveMention } from '../../shared/archive/mentions';
import type { Message } from '../../shared/model';
import { onApiEvent } from '../api';
import { adjacentDay } from '../calendar/calendarModel';
import { DiagnosticsDialog } from '../diagnostics/DiagnosticsDialog';
import { GalleryDialog } from '../gallery/GalleryDialog';
import { OpenFolderDialog } from '../home/OpenFolderDialog';
import { useOpenArchive } from '../home/useOpenArchive';
import { useT } from '../i18n/I18nContext';
import { ChatPane } from '../messages/ChatPane';
import { imagesOf } from '../messages/images';
import { Lightbox, type LightboxImage } from '../messages/Lightbox';
import { MessageMenu } from '../messages/MessageMenu';
import type { MenuPosition } from '../messages/MessageRow';
import type { TextActions } from '../messages/MessageText';
import { HitStepper } from '../search/HitStepper';
import { useSearch } from '../search/useSearch';
import { copyToClipboard } from '../selection/copyToClipboard';
import { ExportDialog } from '../selection/ExportDialog';
import { SettingsDialog } from '../settings/SettingsDialog';
import { SpeakerSidebar } from '../speakers/SpeakerSidebar';
import { changeOf, type ArchiveChanges } from './archiveChanges';
import { conversationTitle } from './conversationTitle';
import { LeftColumn } from './LeftColumn';
import { formatRoute, place } from './route';
import { SkipLinks } from './SkipLinks';
import { useNarrow } from './useNarrow';
import { useNote } from './useNote';
import { useReaderData } from './useReaderData';
import { useRoute } from './useRoute';
import { useSelection } from './useSelection';
import { useShortcuts } from './useShortcuts';

type DialogName = 'settings' | 'export' | 'diagnostics' | 'gallery' | null;

/** Below this width the people panel is an overlay opened from the header. */
const PEOPLE_OVERLAY_BELOW = 1024;

export interface ReaderProps {
  archive: ArchiveInfo;
  /** Another archive being opened, or one that failed to open: this one stays meanwhile. */
  pending: Extract<ArchiveStatus, { state: 'loading' | 'failed' }> | null;
  settings: Settings;
  onSettings: (patch: Partial<Settings>) => void;
  /** Changes on disk since the archive opened: what is shown of a changed conversation reloads. */
  changes: ArchiveChanges;
  onArchiveOpened: () => void;
}

export function Reader(props: ReaderProps) {
  const { archive, settings, onSettings, changes } = props;
  const t = useT();
  const { route, navigate, keepAnchor } = useRoute();
  const conversation = archive.conversations.find((c) => c.id === route.conversation) ?? null;
  const conversationId = conversation?.id ?? null;
  const person = conversationId !== null ? route.person : null;
  const [query, setQuery] = useState('');
  const [dialog, setDialog] = useState<DialogName>(null);
  const [images, setImages] = useState<{ list: LightboxImage[]; at: number } | null>(null);
  const [menu, setMenu] = useState<{ message: Message; position: MenuPosition } | null>(null);
  const [openedHit, setOpenedHit] = useState<SearchHit | null>(null);
  const [conversationsHidden, setConversationsHidden] = useState(false);
  const [peopleOpen, setPeopleOpen] = useState(false);
  const narrow = useNarrow(PEOPLE_OVERLAY_BELOW);
  const [note, setNote] = useNote();
  const searchRef = useRef<HTMLInputElement>(null);
  const changed = changeOf(changes, conversationId);
  const data = useReaderData(conversationId, route.day, person, settings, changed, route.message);
  const search = useSearch(query, changeOf(changes, null));
  const selection = useSelection(data.shown, setNote);
  const open = useOpenArchive(props.onArchiveOpened);
  // An open under way or failed shows in the dialog until the user closes it.
  const [dismissed, setDismissed] = useState<ReaderProps['pending']>(null);
  const titleOf = (id: string) => conversationTitle(archive, id);

  // A change on disk may give later messages new ids (ids follow time order): selected messages
  // and the message in the address from there on would name others, so they are let go.
  const routeRef = useRef(route);
  useEffect(() => {
    routeRef.current = route;
  });
  const forget = selection.forget;
  useEffect(
    () =>
      onApiEvent((event) => {
        if (event.type !== 'changed' || event.renumberedFrom === null) return;
        const from = event.renumberedFrom;
        forget(from);
        const current = routeRef.current;
        if (current.message !== null && current.message >= from)
          navigate({ ...current, message: null, anchor: null }, { replace: true });
      }),
    [navigate, forget],
  );

  // A conversation opened without a day lands on its latest day, at its end, as chat apps open.
  const latestDay = data.days[data.days.length - 1]?.day ?? null;
  useEffect(() => {
    if (conversationId !== null && route.day === null && latestDay !== null && !data.daysLoading)
      navigate(place(conversationId, latestDay, { anchor: 'end' }), { replace: true });
  }, [conversationId, route.day, latestDay, data.daysLoading, navigate]);

  const goToDay = useCallback(
    (day: string) => {
      if (conversationId !== null) navigate(place(conversationId, day));
    },
    [conversationId, navigate],
  );
  const setPerson = (id: string | null) => {
    if (conversationId !== null) navigate(place(conversationId, route.day, { person: id }));
  };
  const stepDay = (direction: -1 | 1) => {
    if (route.day === null || person !== null) return;
    const day = adjacentDay(data.days, route.day, direction);
    if (day) goToDay(day);
  };

  // A person's view jumps to a date: their first message on or after it, loading pages as needed.
  const [personDay, setPersonDay] = useState<string | null>(null);
  useEffect(() => {
    if (personDay === null || person === null || conversationId === null) return;
    const found = data.shown.find((message) => message.day >= personDay);
    if (found) {
      setPersonDay(null);
      navigate(place(conversationId, route.day, { person, message: found.id }), { replace: true });
    } else if (data.shown.length < data.personTotal) data.loadMorePerson();
    else setPersonDay(null);
  }, [personDay, person, conversationId, route.day, data, navigate]);

  const openHit = useCallback(
    (hit: SearchHit, replace = false) => {
      setOpenedHit(hit);
      navigate(place(hit.conversation, hit.day, { message: hit.id }), { replace });
    },
    [navigate],
  );
  // Telegram's way through results: the next (older) or previous (newer) one in the conversation.
  const inConversation = search.hits.filter((hit) => hit.conversation === openedHit?.conversation);
  const hitAt = inConversation.findIndex((hit) => hit.id === openedHit?.id);
  const stepHit = (direction: 1 | -1) => {
    const next = inConversation[hitAt + direction];
    if (next) openHit(next, true);
    else if (direction === 1 && search.more) search.loadMore();
  };
  const hitOpen = openedHit !== null && route.message === openedHit.id && query.trim() !== '';
  useEffect(() => {
    if (query.trim() === '') setOpenedHit(null);
  }, [query]);

  const latest = () => {
    if (conversationId !== null && latestDay !== null)
      navigate(place(conversationId, latestDay, { anchor: 'end' }));
  };

  const exportSelection = () => {
    if (selection.count > 0) setDialog('export');
    else setNote(t('selection.nothingSelected'));
  };
  const zoom = (step: 1 | -1 | 0) => {
    const next = step === 0 ? 1 : Math.round((settings.textSize + step * 0.1) * 10) / 10;
    onSettings({ textSize: Math.min(2, Math.max(0.75, next)) });
  };

  useShortcuts({
    focusSearch: () => {
      setConversationsHidden(false);
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    previousDay: () => stepDay(-1),
    nextDay: () => stepDay(1),
    escape: () => {
      if (peopleOpen && narrow) {
        setPeopleOpen(false);
        return true;
      }
      if (selection.count > 0) {
        selection.clear();
        return true;
      }
      if (person !== null) {
        setPerson(null);
        return true;
      }
      return false;
    },
    copyText: () => {
      const text = selection.text();
      if (text !== null) setNote(t('selection.copied'));
      return text;
    },
    openFolder: open.chooseFolder,
    exportSelection,
    zoom,
  });

  // The app's native menu (Find, Export Selection, View toggles, Open) arrives as events.
  const commands = useRef({
    exportSelection,
    chooseFolder: open.chooseFolder,
    showSpeakers: settings.showSpeakers,
  });
  useEffect(() => {
    commands.current = {
      exportSelection,
      chooseFolder: open.chooseFolder,
      showSpeakers: settings.showSpeakers,
    };
  });
  useEffect(
    () =>
      onApiEvent((event) => {
        if (event.type !== 'command') return;
        const run = commands.current;
        if (event.command === 'find') {
          setConversationsHidden(false);
          window.setTimeout(() => searchRef.current?.focus(), 0);
        } else if (event.command === 'export') run.exportSelection();
        else if (event.command === 'open-folder') run.chooseFolder();
        else if (event.command === 'toggle-speakers') {
          if (narrow) setPeopleOpen((shown) => !shown);
          else onSettings({ showSpeakers: !run.showSpeakers });
        } else if (event.command === 'toggle-conversations')
          setConversationsHidden((hidden) => !hidden);
      }),
    [onSettings, narrow],
  );

  const speakers = data.speakers;
  const actions: TextActions = {
    loadRemoteImages: settings.loadRemoteImages,
    canFollowMention: (name: string) => resolveMention(name, speakers) !== null,
    onMention: (name: string) => {
      const speaker = resolveMention(name, speakers);
      if (speaker) setPerson(speaker.person);
    },
    onOpenImage: (image) => {
      const list = imagesOf(data.shown, settings.loadRemoteImages);
      const at = list.findIndex((shown) => shown.url === image.url);
      setImages(at >= 0 ? { list, at } : { list: [image], at: 0 });
    },
  };

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
  const showPanel = conversation !== null && (narrow ? peopleOpen : settings.showSpeakers);
  const linkTo = (message: Message) =>
    `${window.location.origin}${window.location.pathname}${window.location.search}${formatRoute(place(message.conversation, message.day, { message: message.id }))}`;

  return (
    <div
      className={[
        'reader',
        showPanel && !narrow ? '' : 'reader-no-speakers',
        conversationsHidden ? 'reader-no-conversations' : '',
        narrow ? 'reader-narrow' : '',
      ]
        .filter(Boolean)
        .join(' ')}
      style={settings.textSize !== 1 ? { zoom: settings.textSize } : undefined}
    >
      <SkipLinks hasMessages={data.rows.length > 0} />
      <LeftColumn
        hidden={conversationsHidden}
        archive={archive}
        current={conversationId}
        onConversation={(id) => navigate(place(id, null))}
        pinned={settings.pinned}
        onPinned={(pinned) => onSettings({ pinned })}
        query={query}
        onQuery={setQuery}
        search={search}
        onOpenHit={openHit}
        openedHit={hitOpen ? openedHit.id : null}
        onStepHit={stepHit}
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
            day: route.day,
            days: data.days,
            dayCount: data.days.find((d) => d.day === route.day)?.messages ?? 0,
            person: person === null ? null : { name: personName, total: data.personTotal },
            onClearPerson: () => setPerson(null),
            onDay: (day) => (person === null ? goToDay(day) : setPersonDay(day)),
            onSelectDay: () => selection.add(data.shown),
            onSelectView: selectView,
            onGallery: () => setDialog('gallery'),
            people:
              narrow || !settings.showSpeakers
                ? {
                    open: showPanel,
                    onToggle: () =>
                      narrow
                        ? setPeopleOpen((shown) => !shown)
                        : onSettings({ showSpeakers: true }),
                  }
                : null,
          }
        }
        banner={
          hitOpen && (
            <HitStepper
              position={hitAt + 1}
              total={
                search.result?.facets.conversations.find((c) => c.id === openedHit.conversation)
                  ?.count ?? inConversation.length
              }
              onStep={stepHit}
              onClose={() => setOpenedHit(null)}
            />
          )
        }
        list={{
          key: data.listKey,
          rows: data.rows,
          focusMessage: route.message,
          focusHighlights: hitOpen ? openedHit.highlights : [],
          anchor: route.anchor,
          onAnchor: keepAnchor,
          multiDay: person !== null,
          isSelected: selection.isSelected,
          selecting: selection.count > 0,
          personOf: data.personOf,
          isMine: data.isMine,
          onSelect: selection.onSelect,
          onMenu: (message, position) => setMenu({ message, position }),
          actions,
          ...(person ? { onNearEnd: data.loadMorePerson } : {}),
          endsAtLatest: person !== null || route.day === latestDay,
          onLatest: latest,
        }}
        label={
          person
            ? t('header.personView', { name: personName, count: data.personTotal })
            : t('messages.listLabel', { day: route.day ?? '' })
        }
        loading={data.loading}
        error={data.error}
        emptyText={person ? t('messages.noneForPerson') : t('messages.emptyDay')}
        selectedCount={selection.count}
        note={note}
        onCopy={() => void selection.copy()}
        onExport={() => setDialog('export')}
        onClearSelection={selection.clear}
      />
      {showPanel && (
        <SpeakerSidebar
          overlay={narrow}
          result={data.sidebar.data}
          loading={data.sidebar.loading}
          scope={settings.speakerScope}
          onScope={(speakerScope) => onSettings({ speakerScope })}
          activePerson={person}
          onPerson={(id) => {
            setPerson(id);
            if (narrow) setPeopleOpen(false);
          }}
          me={settings.me}
          onMe={(me) => onSettings({ me })}
          onHide={() => (narrow ? setPeopleOpen(false) : onSettings({ showSpeakers: false }))}
        />
      )}
      {menu && (
        <MessageMenu
          message={menu.message}
          position={menu.position}
          selected={selection.isSelected(menu.message.id)}
          onCopyText={() => void selection.copy([menu.message])}
          onCopyLink={() =>
            copyToClipboard(linkTo(menu.message)).then(
              () => setNote(t('menu.linkCopied')),
              () => setNote(t('selection.copyFailed')),
            )
          }
          onSelect={() => selection.onSelect(menu.message, 'toggle')}
          onCopySource={() =>
            copyToClipboard(`${menu.message.path}:${menu.message.line}`).then(
              () => setNote(t('menu.sourceCopied')),
              () => setNote(t('selection.copyFailed')),
            )
          }
          onClose={() => setMenu(null)}
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
      {dialog === 'export' && <ExportDialog ids={selection.ids} onClose={() => setDialog(null)} />}
      {dialog === 'gallery' && conversation && (
        <GalleryDialog
          conversation={conversation.id}
          title={titleOf(conversation.id)}
          loadRemoteImages={settings.loadRemoteImages}
          onOpenImage={(list, at) => setImages({ list, at })}
          onOpenMessage={(hit) => {
            setDialog(null);
            openHit({ ...hit, highlights: [] });
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {(open.askPath ||
        open.error ||
        (props.pending && props.pending.root !== archive.root && props.pending !== dismissed)) && (
        <OpenFolderDialog
          open={open}
          pending={props.pending}
          onClose={() => {
            open.cancel();
            setDismissed(props.pending);
          }}
        />
      )}
      {images && (
        <Lightbox
          images={images.list}
          at={images.at}
          onAt={(at) => setImages({ ...images, at })}
          onClose={() => setImages(null)}
        />
      )}
    </div>
  );
}
