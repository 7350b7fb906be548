/**
 * A shared file, shown as WeChat shows one: a card with the name, a badge of its type, and what
 * is known of it (its size; "not in this export" when the export left the file out).
 */
import type { ReactNode } from 'react';
import { useLocale, useT } from '../i18n/I18nContext';
import { formatSize } from './mediaFormat';

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

function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

export function FileCard({
  name,
  shown,
  size,
  status = 'named',
}: {
  name: string;
  /** The name as shown, when it differs (matched words of a search marked in it). */
  shown?: ReactNode;
  size?: number | undefined;
  /** 'named': a Markdown log names the file (it is not in the archive); 'held': the export holds
   *  it; 'missing': the export left it out. */
  status?: 'named' | 'held' | 'missing';
}) {
  const t = useT();
  const locale = useLocale();
  const extension = fileExtension(name);
  const details = [
    size !== undefined ? formatSize(size, locale) : null,
    status === 'missing' ? t('attachment.notInExport') : null,
  ].filter((detail): detail is string => detail !== null);
  return (
    <span
      className={`file-card${status === 'missing' ? ' file-card-missing' : ''}`}
      title={status === 'named' ? t('messages.fileCard', { name }) : name}
    >
      <span className="file-card-text">
        <span className="file-card-name">{shown ?? name}</span>
        {details.length > 0 && <span className="file-card-detail">{details.join(' · ')}</span>}
      </span>
      <span
        className={`file-card-badge ${BADGE_COLORS[extension] ?? 'badge-gray'}`}
        aria-hidden="true"
      >
        {extension.toUpperCase().slice(0, 4)}
      </span>
    </span>
  );
}
