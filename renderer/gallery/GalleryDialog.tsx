/**
 * A conversation's images, files and links, newest first, found with the search API
 * (`has:image` within the conversation).
 * An image opens in the lightbox with the gallery's other images; a file or link opens its message.
 */
import { useEffect, useMemo, useState } from 'react';
import type { SearchHit } from '../../shared/api';
import type { Feature } from '../../shared/query/parse';
import { tokenize } from '../../shared/text/tokens';
import { api, archiveImageUrl } from '../api';
import { Dialog } from '../app/Dialog';
import { useT } from '../i18n/I18nContext';
import type { LightboxImage } from '../messages/Lightbox';

const LIMIT = 500;
type Tab = Extract<Feature, 'image' | 'file' | 'link'>;

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
  onOpenMessage: (hit: SearchHit) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [tab, setTab] = useState<Tab>('image');
  const [found, setFound] = useState<{
    tab: Tab;
    items: { hit: SearchHit; path: string }[];
  } | null>(null);

  useEffect(() => {
    let current = true;
    api
      .search({ query: `has:${tab}`, conversation, limit: LIMIT })
      .then((result) => result.hits.map((hit) => ({ hit, path: hit.path })))
      .then(
        (items) => current && setFound({ tab, items }),
        () => current && setFound({ tab, items: [] }),
      );
    return () => {
      current = false;
    };
  }, [conversation, tab]);

  const items = found?.tab === tab ? found.items : null;
  const images: (LightboxImage & { hit: SearchHit; remote: boolean })[] = useMemo(() => {
    if (tab !== 'image' || !items) return [];
    return items.flatMap(({ hit, path }) =>
      tokenize(hit.text).flatMap((token) => {
        if (token.kind !== 'image') return [];
        const remote = /^https?:\/\//i.test(token.src);
        const url = remote ? token.src : archiveImageUrl(path, token.src);
        return [{ url, alt: token.alt || hit.day, hit, remote }];
      }),
    );
  }, [items, tab]);

  return (
    <Dialog title={t('gallery.title', { title })} onClose={onClose} className="gallery-dialog">
      <div className="segmented" role="tablist" aria-label={t('gallery.kinds')}>
        {(['image', 'file', 'link'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            role="tab"
            aria-selected={tab === kind}
            aria-pressed={tab === kind}
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
        {items === null ? (
          <p>{t('common.loading')}</p>
        ) : items.length === 0 ? (
          <p>{t('gallery.empty')}</p>
        ) : tab === 'image' ? (
          <ul className="gallery-grid">
            {images.map((image, index) => (
              <li key={`${image.hit.id}-${index}`}>
                {image.remote && !loadRemoteImages ? (
                  <button
                    type="button"
                    className="gallery-tile gallery-placeholder"
                    onClick={() => onOpenMessage(image.hit)}
                    title={image.url}
                  >
                    {t('gallery.remote', { day: image.hit.day })}
                  </button>
                ) : (
                  <button
                    type="button"
                    className="gallery-tile"
                    onClick={() =>
                      onOpenImage(
                        images.filter((i) => !i.remote || loadRemoteImages),
                        index,
                      )
                    }
                    aria-label={t('messages.openImage', { alt: image.alt })}
                  >
                    <img
                      src={image.url}
                      alt={image.alt}
                      loading="lazy"
                      referrerPolicy="no-referrer"
                    />
                  </button>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <ul className="gallery-list">
            {items.flatMap(({ hit }) =>
              tokenize(hit.text)
                .filter((token) => (tab === 'file' ? token.kind === 'file' : token.kind === 'url'))
                .map((token, index) => (
                  <li key={`${hit.id}-${index}`}>
                    <button
                      type="button"
                      className="gallery-row"
                      onClick={() => onOpenMessage(hit)}
                    >
                      <span className="gallery-row-text">
                        {token.kind === 'file' ? token.name : token.text}
                      </span>
                      <span className="gallery-row-day">{hit.day}</span>
                    </button>
                  </li>
                )),
            )}
          </ul>
        )}
      </div>
    </Dialog>
  );
}
