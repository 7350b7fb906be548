/**
 * Images in messages. Archive images (a Markdown log's relative links, the photos and stickers
 * an export holds) are thumbnails served by the host from inside the open archive; a click opens
 * them large. One that cannot be shown (not in the export, or missing) is a placeholder saying
 * so. Images on the web are a placeholder with their name and are never requested unless the
 * user turned on loadRemoteImages.
 */
import { useState, type CSSProperties } from 'react';
import { archiveImageUrl } from '../api';
import { useT } from '../i18n/I18nContext';
import type { LightboxImage } from './Lightbox';

type OpenImage = (image: LightboxImage) => void;

/** A grey box with a picture icon and a sentence: what stands where a file cannot be shown. */
export function MediaPlaceholder({ text, title }: { text: string; title?: string }) {
  return (
    <span className="image-placeholder" title={title}>
      <span className="image-placeholder-icon" aria-hidden="true" />
      <span>{text}</span>
    </span>
  );
}

/**
 * A thumbnail that opens large. `size`: the size to reserve before the image arrives, when the
 * export says it (a row keeps its height, so a long day does not jump as images load).
 */
export function ImageThumb({
  url,
  alt,
  onOpen,
  tabIndex,
  unavailable,
  size,
  className,
  remote = false,
}: {
  url: string;
  alt: string;
  onOpen: OpenImage;
  tabIndex: number;
  /** Said instead of the image when it cannot be loaded. */
  unavailable: string;
  size?: { width: number; height: number } | undefined;
  className?: string;
  remote?: boolean;
}) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  if (failed) return <MediaPlaceholder text={unavailable} title={alt} />;
  const style: CSSProperties | undefined = size && { width: size.width, height: size.height };
  return (
    <button
      type="button"
      className={`image-thumb${className ? ` ${className}` : ''}`}
      tabIndex={tabIndex}
      onClick={() => onOpen({ url, alt })}
      aria-label={t('messages.openImage', { alt })}
    >
      <img
        src={url}
        alt={alt}
        style={style}
        loading="lazy"
        decoding="async"
        {...(remote ? { referrerPolicy: 'no-referrer' as const } : {})}
        onError={() => setFailed(true)}
      />
    </button>
  );
}

export function ArchiveImage({
  from,
  src,
  alt,
  onOpen,
  tabIndex,
}: {
  from: string;
  src: string;
  alt: string;
  onOpen: OpenImage;
  tabIndex: number;
}) {
  const t = useT();
  return (
    <ImageThumb
      url={archiveImageUrl(from, src)}
      alt={alt || src}
      onOpen={onOpen}
      tabIndex={tabIndex}
      unavailable={t('messages.imageUnavailable', { alt: alt || src })}
    />
  );
}

export function RemoteImage({
  src,
  alt,
  load,
  onOpen,
  tabIndex,
  size,
}: {
  src: string;
  alt: string;
  load: boolean;
  onOpen: OpenImage;
  tabIndex: number;
  size?: { width: number; height: number } | undefined;
}) {
  const t = useT();
  if (!load)
    return <MediaPlaceholder text={t('messages.remoteImage', { alt: alt || src })} title={src} />;
  return (
    <ImageThumb
      url={src}
      alt={alt || src}
      onOpen={onOpen}
      tabIndex={tabIndex}
      unavailable={t('messages.imageUnavailable', { alt: alt || src })}
      size={size}
      remote
    />
  );
}
