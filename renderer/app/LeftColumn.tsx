/**
 * The left column: the search box, the conversations (or search results while searching), and
 * the archive's footer: which folder is open, open another, diagnostics and settings.
 */
import type { RefObject } from 'react';
import type { ArchiveInfo, ArchiveStatus, SearchHit } from '../../shared/api';
import { ConversationList } from '../conversations/ConversationList';
import { useT } from '../i18n/I18nContext';
import { SearchPanel } from '../search/SearchPanel';
import type { SearchState } from '../search/searchModel';
import { conversationTitle } from './conversationTitle';
import { IconButton } from './IconButton';

export interface LeftColumnProps {
  /** Hidden from the app's View menu; kept mounted so the search keeps its state. */
  hidden: boolean;
  archive: ArchiveInfo;
  current: string | null;
  onConversation: (id: string) => void;
  pinned: readonly string[];
  onPinned: (pinned: string[]) => void;
  query: string;
  onQuery: (query: string) => void;
  search: SearchState;
  onOpenHit: (hit: SearchHit) => void;
  openedHit: number | null;
  onStepHit: (direction: 1 | -1) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  onSettings: () => void;
  onDiagnostics: () => void;
  onOpenFolder: () => void;
  /** Another archive being opened (its progress shows here when its dialog is closed). */
  pending: Extract<ArchiveStatus, { state: 'loading' | 'failed' }> | null;
}

export function LeftColumn(props: LeftColumnProps) {
  const { archive } = props;
  const t = useT();
  const titleOf = (id: string) => conversationTitle(archive, id);
  const loading = props.pending?.state === 'loading' && props.pending.root !== archive.root;

  return (
    <nav
      className="left-column"
      id="conversations"
      aria-label={t('conversations.label')}
      hidden={props.hidden}
    >
      <SearchPanel
        query={props.query}
        onQuery={props.onQuery}
        search={props.search}
        onOpen={props.onOpenHit}
        openedId={props.openedHit}
        onStep={props.onStepHit}
        inputRef={props.searchRef}
        titleOf={titleOf}
      >
        <ConversationList
          conversations={archive.conversations}
          titleOf={titleOf}
          current={props.current}
          onOpen={props.onConversation}
          pinned={props.pinned}
          onPinned={props.onPinned}
        />
      </SearchPanel>
      <footer className="left-footer">
        <div className="archive-name" title={archive.root}>
          <span className="archive-title">
            {archive.sample ? t('archive.sample') : archive.name}
          </span>
          <span className="archive-stats">
            {loading
              ? t('archive.opening', { path: props.pending!.root })
              : archive.watching === 'restarting'
                ? t('archive.watchRestarting')
                : `${t('archive.messages', { count: archive.messages })} · ${t('archive.conversations', { count: archive.conversations.length })}`}
          </span>
        </div>
        <div className="left-footer-buttons">
          <IconButton label={t('footer.openFolder')} onClick={props.onOpenFolder}>
            <span className="folder-icon" aria-hidden="true" />
          </IconButton>
          <IconButton
            label={t('footer.diagnostics', { count: archive.diagnostics })}
            className={archive.diagnostics > 0 ? 'has-badge' : undefined}
            onClick={props.onDiagnostics}
          >
            <span className="warning-icon" aria-hidden="true" />
            {archive.diagnostics > 0 && (
              <span className="badge">{t('common.number', { count: archive.diagnostics })}</span>
            )}
          </IconButton>
          <IconButton label={t('footer.settings')} onClick={props.onSettings}>
            <span className="gear-icon" aria-hidden="true" />
          </IconButton>
        </div>
      </footer>
    </nav>
  );
}
