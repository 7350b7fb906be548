/** What kind of file an export's attachment is, from its MIME type or its name. */
import type { Attachment } from '../../model';

const BY_EXTENSION: Record<string, Attachment['kind']> = {
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  webp: 'image',
  bmp: 'image',
  heic: 'image',
  svg: 'image',
  mp4: 'video',
  webm: 'video',
  mov: 'video',
  mkv: 'video',
  avi: 'video',
  mp3: 'audio',
  m4a: 'audio',
  wav: 'audio',
  flac: 'audio',
  ogg: 'audio',
  oga: 'audio',
  opus: 'audio',
  aac: 'audio',
};

export function fileKind(name: string, mime?: string): Attachment['kind'] {
  const type = mime?.split('/')[0];
  if (type === 'image' || type === 'video' || type === 'audio') return type;
  const dot = name.lastIndexOf('.');
  return (dot === -1 ? undefined : BY_EXTENSION[name.slice(dot + 1).toLowerCase()]) ?? 'file';
}
