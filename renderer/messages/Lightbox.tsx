/** An archive image at full size, in a dialog (Esc or a click outside closes it). */
import { useT } from '../i18n/I18nContext';
import { Dialog } from '../app/Dialog';

export function Lightbox({
  image,
  onClose,
}: {
  image: { url: string; alt: string };
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Dialog title={image.alt || t('lightbox.title')} onClose={onClose} className="lightbox">
      <img className="lightbox-image" src={image.url} alt={image.alt} />
    </Dialog>
  );
}
