/** A shared file, shown as WeChat shows one: a card with the name and a badge of its type. */
import { useT } from '../i18n/I18nContext';

const BADGE_COLORS: Record<string, string> = {
  pdf: 'badge-red',
  doc: 'badge-blue',
  docx: 'badge-blue',
  xls: 'badge-green',
  xlsx: 'badge-green',
  csv: 'badge-green',
  ppt: 'badge-orange',
  pptx: 'badge-orange',
  key: 'badge-orange',
  zip: 'badge-gray',
  rar: 'badge-gray',
  '7z': 'badge-gray',
};

export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

export function FileCard({ name }: { name: string }) {
  const t = useT();
  const extension = fileExtension(name);
  return (
    <span className="file-card" title={t('messages.fileCard', { name })}>
      <span className="file-card-name">{name}</span>
      <span
        className={`file-card-badge ${BADGE_COLORS[extension] ?? 'badge-gray'}`}
        aria-hidden="true"
      >
        {extension.toUpperCase().slice(0, 4)}
      </span>
    </span>
  );
}
