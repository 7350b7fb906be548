/**
 * Conversations that are one chat read twice (the same chat exported twice, a cumulative export
 * beside the daily logs): those sharing more than half of the smaller one's messages are offered
 * to be merged.
 */
import type { ConversationSummary } from '../../shared/model';

export interface MergeOffer {
  with: string;
  shared: number;
}

export function mergeOffers(
  conversation: ConversationSummary,
  all: readonly ConversationSummary[],
): MergeOffer[] {
  return conversation.overlaps
    .filter((overlap) => {
      const other = all.find((each) => each.id === overlap.with);
      if (!other || other.id === conversation.id) return false;
      const smaller = Math.min(conversation.unique, other.unique);
      return smaller > 0 && overlap.shared * 2 > smaller;
    })
    .sort((a, b) => b.shared - a.shared)
    .map((overlap) => ({ with: overlap.with, shared: overlap.shared }));
}

/** The conversations to list: one merged into another is shown as part of it, not on its own. */
export function withoutMergedParts(
  conversations: readonly ConversationSummary[],
): ConversationSummary[] {
  const parts = new Set(
    conversations.flatMap((conversation) => (conversation.merged ?? []).map((part) => part.id)),
  );
  return conversations.filter((conversation) => !parts.has(conversation.id));
}
