/**
 * A calm line under the header when the conversation looks like another one read twice ("Shares
 * 312 messages with daily. They may be one chat exported twice. [Merge]"), or when it was merged
 * from several ("Merged from snapshots [Separate]"). Both reload what is shown.
 */
import { useState } from 'react';
import type { ConversationSummary } from '../../shared/model';
import { api } from '../api';
import { asApiError, errorSentence } from '../app/errors';
import { useT } from '../i18n/I18nContext';
import { mergeOffers } from './overlaps';

export function OverlapNotice({
  conversation,
  all,
  titleOf,
  onChanged,
}: {
  conversation: ConversationSummary;
  all: readonly ConversationSummary[];
  titleOf: (id: string) => string;
  /** After a merge or a separation: what is shown is read again. */
  onChanged: () => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const offer = mergeOffers(conversation, all)[0];
  const merged = conversation.merged ?? [];
  if (!offer && merged.length === 0) return null;

  const run = (call: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    call().then(
      () => {
        setBusy(false);
        onChanged();
      },
      (error: unknown) => {
        setBusy(false);
        setProblem(errorSentence(asApiError(error).code, t));
      },
    );
  };

  return (
    <div className="overlap-notice" role="status">
      {merged.length > 0 ? (
        <>
          <span title={merged.map((part) => part.id).join('\n')}>
            {t('overlap.merged', { names: merged.map((part) => part.title).join(', ') })}
          </span>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => run(() => api.separateConversation({ conversation: conversation.id }))}
          >
            {t('overlap.separate')}
          </button>
        </>
      ) : (
        offer && (
          <>
            <span>{t('overlap.shares', { count: offer.shared, name: titleOf(offer.with) })}</span>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                run(() => api.mergeConversations({ ids: [conversation.id, offer.with] }))
              }
            >
              {t('overlap.merge')}
            </button>
          </>
        )
      )}
      {problem && <span className="form-problem">{problem}</span>}
    </div>
  );
}
