/** Where a file belongs: its folder relative to the archive root, with a trailing `_posts` dropped. */
export function conversationOf(path: string): string {
  const parts = path.split('/').slice(0, -1);
  if (parts[parts.length - 1] === '_posts') parts.pop();
  return parts.length === 0 ? '.' : parts.join('/');
}

/** A conversation's title, for now the last name of its folder. */
export function conversationTitle(id: string): string {
  const slash = id.lastIndexOf('/');
  return slash === -1 ? id : id.slice(slash + 1);
}
