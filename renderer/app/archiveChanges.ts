/**
 * Changes to the open archive on disk, as numbers that views put in the keys of what they fetch:
 * a change to a conversation gives it a new number, so what is shown of it is fetched again, and
 * views of other conversations keep theirs. Numbers only grow, also across archives opened one
 * after another, so a key made for one archive never finds what was fetched for another.
 */
export interface ArchiveChanges {
  /** Bumped on every change and every archive opened. */
  latest: number;
  /** What `latest` was when the archive shown was opened. */
  opened: number;
  /** Conversation -> `latest` when it last changed. */
  conversations: ReadonlyMap<string, number>;
}

export const NO_CHANGES: ArchiveChanges = { latest: 0, opened: 0, conversations: new Map() };

/** The conversations changed: what is shown of them is fetched again. */
export function withChange(
  changes: ArchiveChanges,
  conversations: readonly string[],
): ArchiveChanges {
  const latest = changes.latest + 1;
  const changed = new Map(changes.conversations);
  for (const conversation of conversations) changed.set(conversation, latest);
  return { ...changes, latest, conversations: changed };
}

export function withArchiveOpened(changes: ArchiveChanges): ArchiveChanges {
  const latest = changes.latest + 1;
  return { latest, opened: latest, conversations: new Map() };
}

/** The number of a conversation's last change (the whole archive's for null: any change counts). */
export function changeOf(changes: ArchiveChanges, conversation: string | null): number {
  if (conversation === null) return changes.latest;
  return changes.conversations.get(conversation) ?? changes.opened;
}
