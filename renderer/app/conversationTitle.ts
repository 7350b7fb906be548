/**
 * A conversation's title for people: the service's, except that a conversation whose logs sit
 * at the root of the archive (id '' or '.', titled '.') takes the archive folder's name.
 */
import type { ArchiveInfo } from '../../shared/api';

export function conversationTitle(
  archive: Pick<ArchiveInfo, 'name' | 'conversations'>,
  id: string,
): string {
  const title = archive.conversations.find((c) => c.id === id)?.title ?? id;
  return title === '' || title === '.' ? archive.name : title;
}
