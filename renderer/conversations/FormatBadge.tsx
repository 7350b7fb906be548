/** Which app a conversation was exported from, as a small label beside its name. */
import type { FormatId } from '../../shared/model';
import type { MessageKey } from '../i18n/en';
import { useT } from '../i18n/I18nContext';

const LABELS: Record<FormatId, MessageKey> = {
  markdown: 'format.markdown',
  whatsapp: 'format.whatsapp',
  telegram: 'format.telegram',
  discord: 'format.discord',
  slack: 'format.slack',
};

export function FormatBadge({ format }: { format: FormatId }) {
  const t = useT();
  return <span className={`format-badge format-${format}`}>{t(LABELS[format])}</span>;
}
