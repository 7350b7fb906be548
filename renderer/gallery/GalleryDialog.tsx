/**
 * A conversation's images, files and links, newest first, found with the search API
 * (`has:image` within the conversation); the messages of an export are fetched whole for their
 * attachments. An image opens in the lightbox with the gallery's other images; a file or a link
 * opens its message.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Message } from '../../shared/model';
import { api } from '../api';
import { Dialog } from '../app/Dialog';
import { useLocale, useT } from '../i18n/I18nContext';
import type { LightboxImage } from '../messages/Lightbox';
import { formatSize } from '../messages/mediaFormat';
import { entriesOf, imagesOfMessages, textSuffices, type GalleryTab } from './galleryItems';
import { messagesOfHits } from '../search/hitMessages';

const LIMIT = 500;

export function GalleryDialog({
  conversation,
  title,
  loadRemoteImages,
  onOpenImage,
  onOpenMessage,
  onClose,
}: {
  conversation: string;
  title: string;
  loadRemoteImages: boolean;
  onOpenImage: (images: LightboxImage[], at: number) => void;
  onOpenMessage: (message: Message) => void;
  onClose: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const [tab, setTab] = useState<GalleryTab>('image');
  const [found, setFound] = useState<{ tab: GalleryTab; messages: Message[] } | null>(null);

  useEffect(() => {
    let current = true;
    api
      .search({ query: `has:${tab}`, conversation, limit: LIMIT })
      .then((result) => messagesOfHits(result.hits, textSuffices(tab)))
      .then(
        (messages) => current && setFound({ tab, messages }),
        () => current && setFound({ tab, messages: [] }),
      );
    return () => {
      current = false;
    };
  }, [conversation, tab]);

  const messages = found?.tab === tab ? found.messages : null;
  const images = useMemo(
    () => (tab === 'image' && messages ? imagesOfMessages(messages) : []),
    [messages, tab],
  );
  const shownImages = images.filter((image) => !image.remote || loadRemoteImages);
  const entries = useMemo(
    () => (tab !== 'image' && messages ? entriesOf(messages, tab) : []),
    [messages, tab],
  );
  const empty = tab === 'image' ? images.length === 0 : entries.length === 0;

  return (
    <Dialog title={t('gallery.title', { title })} onClose={onClose} className="gallery-dialog">
      <div className="segmented" role="tablist" aria-label={t('gallery.kinds')}>
        {(['image', 'file', 'link'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            role="tab"
            aria-selected={tab === kind}
            onClick={() => setTab(kind)}
          >
            {t(
              kind === 'image'
                ? 'gallery.images'
                : kind === 'file'
                  ? 'gallery.files'
                  : 'gallery.links',
            )}
          </button>
        ))}
      </div>
      <div className="gallery-body" role="tabpanel">
        {messages === null ? (
          <p>{t('common.loading')}</p>
        ) : empty ? (
          <p>{t('gallery.empty')}</p>
        ) : tab === 'image' ? (
          <ul className="gallery-grid">
            {images.map((image, index) => (
              <li key={`${image.message.id}-${index}`}>
                {image.remote && !loadRemoteImages ? (
                  <button
                    type="button"
                    className="gallery-tile gallery-placeholder"
                    onClick={() => onOpenMessage(image.message)}
                    title={image.url}
                  >
                    {t('gallery.remote', { day: image.message.day })}
                  </button>
                ) : (
                  <button
                    type="button"
                    className="gallery-tile"
                    onClick={() => onOpenImage(shownImages, shownImages.indexOf(image))}
                    aria-label={t('messages.openImage', { alt: image.alt })}
                    title={`${image.message.day} ${image.message.time}`}
                  >
                    <GalleryImage url={image.url} alt={image.alt} />
                  </button>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <ul className="gallery-list">
            {entries.map((entry, index) => (
              <li key={`${entry.message.id}-${index}`}>
                <button
                  type="button"
                  className="gallery-row"
                  onClick={() => onOpenMessage(entry.message)}
                >
                  <span className="gallery-row-text">{entry.label}</span>
                  <span className="gallery-row-day">
                    {entry.size !== undefined && `${formatSize(entry.size, locale)} · `}
                    {entry.message.day}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  );
}

/** A tile's image, or what it is called when it cannot be shown (not in the export). */
function GalleryImage({ url, alt }: { url: string; alt: string }) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  if (failed)
    return <span className="gallery-placeholder">{t('attachment.missing', { name: alt })}</span>;
  return (
    <img
      src={url}
      alt={alt}
      loading="lazy"
      referrerPolicy="no-referrer"
      onError={() => setFailed(true)}
    />
  );
}
