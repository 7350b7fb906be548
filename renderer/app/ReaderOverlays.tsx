/**
 * What opens over the reader: a message's menu and its sources, the dialogs (settings,
 * diagnostics, export, gallery, open another folder) and the lightbox.
 */
import type { ArchiveInfo, Settings } from '../../shared/api';
import type { Message } from '../../shared/model';
import { DiagnosticsDialog } from '../diagnostics/DiagnosticsDialog';
import { GalleryDialog } from '../gallery/GalleryDialog';
import { OpenFolderDialog } from '../home/OpenFolderDialog';
import type { OpenArchive } from '../home/useOpenArchive';
import { useT } from '../i18n/I18nContext';
import { Lightbox, type LightboxImage } from '../messages/Lightbox';
import { MessageMenu } from '../messages/MessageMenu';
import { SourcesDialog } from '../messages/SourcesDialog';
import type { LightboxState } from '../messages/useLightbox';
import { copyToClipboard } from '../selection/copyToClipboard';
import { ExportDialog } from '../selection/ExportDialog';
import { SettingsDialog } from '../settings/SettingsDialog';
import type { PersonRow } from '../speakers/people';
import { formatRoute, place } from './route';
import type { Overlays, PendingOpen } from './useOverlays';

export interface ReaderOverlaysProps {
  archive: ArchiveInfo;
  pending: PendingOpen;
  open: OpenArchive;
  /** What is open (useOverlays). */
  overlays: Overlays;
  conversation: { id: string; title: string } | null;
  settings: Settings;
  onSettings: (patch: Partial<Settings>) => void;
  people: readonly PersonRow[];
  selection: {
    ids: number[];
    isSelected: (id: number) => boolean;
    copy: (messages?: Message[]) => Promise<void>;
    toggle: (message: Message) => void;
  };
  lightbox: {
    state: LightboxState | null;
    openList: (list: LightboxImage[], at: number) => void;
    setAt: (at: number) => void;
    close: () => void;
  };
  onOpenMessage: (message: Message) => void;
  setNote: (note: string) => void;
}

export function ReaderOverlays(props: ReaderOverlaysProps) {
  const { conversation, settings, lightbox, setNote } = props;
  const { menu, dialog } = props.overlays;
  const t = useT();
  const close = () => props.overlays.setDialog(null);
  const copy = (text: string, done: string) =>
    copyToClipboard(text).then(
      () => setNote(done),
      () => setNote(t('selection.copyFailed')),
    );
  const linkTo = (message: Message) =>
    `${window.location.origin}${window.location.pathname}${window.location.search}${formatRoute(place(message.conversation, message.day, { message: message.id }))}`;

  return (
    <>
      {menu && (
        <MessageMenu
          message={menu.message}
          position={menu.position}
          selected={props.selection.isSelected(menu.message.id)}
          onCopyText={() => void props.selection.copy([menu.message])}
          onCopyLink={() => void copy(linkTo(menu.message), t('menu.linkCopied'))}
          onSelect={() => props.selection.toggle(menu.message)}
          onCopySource={() =>
            void copy(`${menu.message.path}:${menu.message.line}`, t('menu.sourceCopied'))
          }
          onShowSources={() => props.overlays.setSources(menu.message)}
          onClose={() => props.overlays.setMenu(null)}
        />
      )}
      {props.overlays.sources && (
        <SourcesDialog
          message={props.overlays.sources}
          onNote={setNote}
          onClose={() => props.overlays.setSources(null)}
        />
      )}
      {dialog === 'settings' && (
        <SettingsDialog
          settings={settings}
          onChange={props.onSettings}
          people={props.people}
          onClose={close}
        />
      )}
      {dialog === 'diagnostics' && <DiagnosticsDialog onClose={close} />}
      {dialog === 'export' && <ExportDialog ids={props.selection.ids} onClose={close} />}
      {dialog === 'gallery' && conversation && (
        <GalleryDialog
          conversation={conversation.id}
          title={conversation.title}
          loadRemoteImages={settings.loadRemoteImages}
          onOpenImage={(list: LightboxImage[], at: number) => lightbox.openList(list, at)}
          onOpenMessage={(message) => {
            close();
            props.onOpenMessage(message);
          }}
          onClose={close}
        />
      )}
      {(props.open.askPath ||
        props.open.error ||
        (props.pending &&
          props.pending.root !== props.archive.root &&
          props.pending !== props.overlays.dismissed)) && (
        <OpenFolderDialog
          askPath={props.open.askPath}
          busy={props.open.busy}
          error={props.open.error}
          onOpenPath={props.open.openPath}
          pending={props.pending}
          onClose={() => {
            props.open.cancel();
            props.overlays.setDismissed(props.pending);
          }}
        />
      )}
      {lightbox.state && (
        <Lightbox
          images={lightbox.state.list}
          at={lightbox.state.at}
          onAt={lightbox.setAt}
          onClose={lightbox.close}
        />
      )}
    </>
  );
}
