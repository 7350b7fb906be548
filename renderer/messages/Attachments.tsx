/**
 * The files a message attaches, as chat apps show them: photos as thumbnails (a click opens the
 * conversation's images large), stickers smaller and without a frame, video and audio players
 * (a voice note says its length), documents as file cards. What the export left out, or what
 * cannot be loaded, is a placeholder saying so; files on the web stay placeholders unless the
 * user allows loading from the web.
 */
import { useState } from 'react';
import type { Attachment } from '../../shared/model';
import { archiveMediaUrl } from '../api';
import { useT } from '../i18n/I18nContext';
import type { MessageActions } from './actions';
import { FileCard } from './FileCard';
import { formatDuration } from '../../shared/dates';
import { fitBox } from './mediaFormat';
import { ImageThumb, MediaPlaceholder, RemoteImage } from './MessageImage';

const IMAGE_BOX = 240;
const STICKER_BOX = 128;
const VIDEO_BOX = 320;

/** Where an attachment can be loaded from: the archive, or the web when allowed; else null. */
function attachmentUrl(attachment: Attachment, loadRemote: boolean): string | null {
  if (attachment.path !== null) return archiveMediaUrl(attachment.path);
  return attachment.url !== undefined && loadRemote ? attachment.url : null;
}

export function Attachments({
  attachments,
  actions,
  tabIndex,
}: {
  attachments: readonly Attachment[];
  actions: MessageActions;
  tabIndex: number;
}) {
  return (
    <div className="attachments">
      {attachments.map((attachment, index) => (
        <AttachmentView key={index} attachment={attachment} actions={actions} tabIndex={tabIndex} />
      ))}
    </div>
  );
}

function AttachmentView({
  attachment,
  actions,
  tabIndex,
}: {
  attachment: Attachment;
  actions: MessageActions;
  tabIndex: number;
}) {
  const t = useT();
  const { kind, name } = attachment;
  if (kind === 'file')
    return (
      <FileCard
        name={name}
        size={attachment.size}
        status={attachment.path === null && attachment.url === undefined ? 'missing' : 'held'}
      />
    );
  const notHere = t('attachment.missing', { name });
  if (attachment.path === null && attachment.url === undefined)
    return <MediaPlaceholder text={notHere} title={name} />;

  if (kind === 'image' || kind === 'sticker') {
    const size = fitBox(
      attachment.width,
      attachment.height,
      kind === 'sticker' ? STICKER_BOX : IMAGE_BOX,
    );
    if (attachment.path === null)
      return (
        <RemoteImage
          src={attachment.url!}
          alt={name}
          load={actions.loadRemoteImages}
          onOpen={actions.onOpenImage}
          tabIndex={tabIndex}
          size={size}
        />
      );
    return (
      <ImageThumb
        url={archiveMediaUrl(attachment.path)}
        alt={name}
        onOpen={actions.onOpenImage}
        tabIndex={tabIndex}
        unavailable={notHere}
        size={size}
        className={kind === 'sticker' ? 'sticker' : undefined}
      />
    );
  }

  const url = attachmentUrl(attachment, actions.loadRemoteImages);
  if (url === null)
    return <MediaPlaceholder text={t('attachment.remote', { name })} title={attachment.url} />;
  return <Player attachment={attachment} url={url} unavailable={notHere} tabIndex={tabIndex} />;
}

/** A video, an audio file or a voice note, played in place. */
function Player({
  attachment,
  url,
  unavailable,
  tabIndex,
}: {
  attachment: Attachment;
  url: string;
  unavailable: string;
  tabIndex: number;
}) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  if (failed) return <MediaPlaceholder text={unavailable} title={attachment.name} />;
  const length =
    attachment.duration !== undefined ? formatDuration(attachment.duration) : undefined;
  if (attachment.kind === 'video') {
    const size = fitBox(attachment.width, attachment.height, VIDEO_BOX);
    return (
      <video
        className="attachment-video"
        src={url}
        controls
        preload="metadata"
        tabIndex={tabIndex}
        aria-label={attachment.name}
        style={size}
        onError={() => setFailed(true)}
      />
    );
  }
  const label =
    attachment.kind === 'voice'
      ? length !== undefined
        ? t('attachment.voiceLength', { length })
        : t('attachment.voice')
      : length !== undefined
        ? `${attachment.name} · ${length}`
        : attachment.name;
  return (
    <span className={`attachment-audio${attachment.kind === 'voice' ? ' attachment-voice' : ''}`}>
      <span className="attachment-audio-label">{label}</span>
      <audio
        src={url}
        controls
        preload="metadata"
        tabIndex={tabIndex}
        aria-label={label}
        onError={() => setFailed(true)}
      />
    </span>
  );
}
