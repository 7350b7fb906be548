/**
 * Images in messages. Archive images are thumbnails served by the host from inside the open
 * archive; a click opens them large. Remote images are a placeholder with their alt text and are
 * never requested unless the user turned on loadRemoteImages.
 */
import { useState } from 'react';
import { archiveImageUrl } from '../api';
import { useT } from '../i18n/I18nContext';

type OpenImage = (image: { url: string; alt: string }) => void;

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
  const [failed, setFailed] = useState(false);
  const url = archiveImageUrl(from, src);
  if (failed) {
    return (
      <span className="image-placeholder" title={src}>
        <span className="image-placeholder-icon" aria-hidden="true" />
        <span>{t('messages.imageUnavailable', { alt: alt || src })}</span>
      </span>
    );
  }
  return (
    <button
      type="button"
      className="image-thumb"
      tabIndex={tabIndex}
      onClick={() => onOpen({ url, alt })}
      aria-label={t('messages.openImage', { alt: alt || src })}
    >
      <img src={url} alt={alt} loading="lazy" decoding="async" onError={() => setFailed(true)} />
    </button>
  );
}

export function RemoteImage({
  src,
  alt,
  load,
  onOpen,
  tabIndex,
}: {
  src: string;
  alt: string;
  load: boolean;
  onOpen: OpenImage;
  tabIndex: number;
}) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  if (!load || failed) {
    return (
      <span className="image-placeholder" title={src}>
        <span className="image-placeholder-icon" aria-hidden="true" />
        <span>
          {t(failed ? 'messages.imageUnavailable' : 'messages.remoteImage', { alt: alt || src })}
        </span>
      </span>
    );
  }
  return (
    <button
      type="button"
      className="image-thumb"
      tabIndex={tabIndex}
      onClick={() => onOpen({ url: src, alt })}
      aria-label={t('messages.openImage', { alt: alt || src })}
    >
      <img
        src={src}
        alt={alt}
        loading="lazy"
        decoding="async"
        referrerPolicy="no-referrer"
        onError={() => setFailed(true)}
      />
    </button>
  );
}
