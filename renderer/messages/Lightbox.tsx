/**
 * Images at full size, in a dialog: ‹ › (or ← →) step through the images it was opened with
 * (a day's, the gallery's), + and − (or the buttons, or a click) zoom, Esc or a click outside
 * closes it.
 */
import { useState, type KeyboardEvent } from 'react';
import { Dialog } from '../app/Dialog';
import { useT } from '../i18n/I18nContext';

export interface LightboxImage {
  url: string;
  alt: string;
}

const ZOOMS = [1, 1.5, 2, 3, 4];

export function Lightbox({
  images,
  at,
  onAt,
  onClose,
}: {
  images: readonly LightboxImage[];
  at: number;
  onAt: (at: number) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [zoom, setZoom] = useState(0);
  const image = images[at];
  if (!image) return null;
  const go = (step: number) => {
    const next = at + step;
    if (next < 0 || next >= images.length) return;
    setZoom(0);
    onAt(next);
  };
  const zoomBy = (step: number) =>
    setZoom((level) => Math.max(0, Math.min(ZOOMS.length - 1, level + step)));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowLeft') go(-1);
    else if (event.key === 'ArrowRight') go(1);
    else if (event.key === '+' || event.key === '=') zoomBy(1);
    else if (event.key === '-') zoomBy(-1);
    else if (event.key === '0') setZoom(0);
    else return;
    event.preventDefault();
  };
  const title = `${image.alt || t('lightbox.title')}${images.length > 1 ? ` (${at + 1}/${images.length})` : ''}`;
  return (
    <Dialog title={title} onClose={onClose} className="lightbox" onKeyDown={onKeyDown}>
      <div className="lightbox-body">
        <div className="lightbox-stage">
          <img
            className={`lightbox-image${zoom > 0 ? ' lightbox-zoomed' : ''}`}
            src={image.url}
            alt={image.alt}
            style={zoom > 0 ? { width: `${ZOOMS[zoom]! * 100}%` } : undefined}
            onClick={() => setZoom((level) => (level > 0 ? 0 : 1))}
          />
        </div>
        <div className="lightbox-tools">
          <button
            type="button"
            className="button"
            disabled={at === 0}
            onClick={() => go(-1)}
            aria-label={t('lightbox.previous')}
          >
            ‹
          </button>
          <button
            type="button"
            className="button"
            disabled={zoom === 0}
            onClick={() => zoomBy(-1)}
            aria-label={t('lightbox.zoomOut')}
          >
            −
          </button>
          <span className="lightbox-zoom" aria-live="polite">
            {zoom === 0 ? t('lightbox.fit') : `${ZOOMS[zoom]! * 100}%`}
          </span>
          <button
            type="button"
            className="button"
            disabled={zoom === ZOOMS.length - 1}
            onClick={() => zoomBy(1)}
            aria-label={t('lightbox.zoomIn')}
          >
            +
          </button>
          <button
            type="button"
            className="button"
            disabled={at === images.length - 1}
            onClick={() => go(1)}
            aria-label={t('lightbox.next')}
          >
            ›
          </button>
        </div>
      </div>
    </Dialog>
  );
}
