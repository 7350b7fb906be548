/** The conversation list's order: pinned first (in the order pinned), then latest activity first. */
import type { ConversationSummary } from '../../shared/model';
import { compareStrings } from '../../shared/archive/compare';

export function orderConversations(
  conversations: readonly ConversationSummary[],
  pinned: readonly string[],
): ConversationSummary[] {
  const pinOrder = new Map(pinned.map((id, index) => [id, index]));
  return [...conversations].sort((a, b) => {
    const pinA = pinOrder.get(a.id);
    const pinB = pinOrder.get(b.id);
    if (pinA !== undefined || pinB !== undefined) return (pinA ?? Infinity) - (pinB ?? Infinity);
    if (a.last !== b.last) return a.last < b.last ? 1 : -1;
    return compareStrings(a.id, b.id);
  });
}

export function togglePin(pinned: readonly string[], id: string): string[] {
  return pinned.includes(id) ? pinned.filter((pin) => pin !== id) : [...pinned, id];
}
