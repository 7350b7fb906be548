/**
 * The left column: the search box, the conversations (or search results while searching), and
 * the archive's footer: which folder is open, open another, diagnostics and settings.
 */
import { useEffect, type RefObject } from 'react';
import type { ArchiveInfo, SearchHit } from '../../shared/api';
import { onApiEvent } from '../api';
import { ConversationList } from '../conversations/ConversationList';
import { PathForm } from '../home/PathForm';
import { useOpenArchive } from '../home/useOpenArchive';
import { useT } from '../i18n/I18nContext';
import { SearchPanel } from '../search/SearchPanel';
import { Dialog } from './Dialog';
import { errorSentence } from './errors';

export interface LeftColumnProps {
  /** Hidden from the app's View menu; kept mounted so the search keeps its state. */
  hidden: boolean;
  archive: ArchiveInfo;
  current: string | null;
  onConversation: (id: string) => void;
  query: string;
  onQuery: (query: string) => void;
  /** Bumped by any change on disk: the search results are fetched again. */
  changed: number;
  onOpenHit: (hit: SearchHit) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  onSettings: () => void;
  onDiagnostics: () => void;
  onArchiveOpened: () => void;
}

export function LeftColumn(props: LeftColumnProps) {
  const {
    hidden,
    archive,
    current,
    onConversation,
    query,
    onQuery,
    changed,
    onOpenHit,
    searchRef,
    onSettings,
    onDiagnostics,
    onArchiveOpened,
  } = props;
  const t = useT();
  const open = useOpenArchive(onArchiveOpened);
  const titleOf = (id: string) => archive.conversations.find((c) => c.id === id)?.title ?? id;
  const chooseFolder = open.chooseFolder;
  useEffect(
    () =>
      onApiEvent(
        (event) => event.type === 'command' && event.command === 'open-folder' && chooseFolder(),
      ),
    [chooseFolder],
  );

  return (
    <nav className="left-column" aria-label={t('conversations.label')} hidden={hidden}>
      <SearchPanel
        query={query}
        onQuery={onQuery}
        changed={changed}
        onOpen={onOpenHit}
        inputRef={searchRef}
        titleOf={titleOf}
      >
        <ConversationList
          conversations={archive.conversations}
          current={current}
          onOpen={onConversation}
        />
      </SearchPanel>
      <footer className="left-footer">
        <div className="archive-name" title={archive.root}>
          <span className="archive-title">
            {archive.sample ? t('archive.sample') : archive.name}
          </span>
          <span className="archive-stats">
            {t('archive.stats', {
              messages: archive.messages,
              conversations: archive.conversations.length,
            })}
          </span>
        </div>
        <div className="left-footer-buttons">
          <button
            type="button"
            className="icon-button"
            onClick={open.chooseFolder}
            title={t('footer.openFolder')}
            aria-label={t('footer.openFolder')}
          >
            <span className="folder-icon" aria-hidden="true" />
          </button>
          <button
            type="button"
            className={`icon-button${archive.diagnostics > 0 ? ' has-badge' : ''}`}
            onClick={onDiagnostics}
            title={t('footer.diagnostics', { count: archive.diagnostics })}
            aria-label={t('footer.diagnostics', { count: archive.diagnostics })}
          >
            <span className="warning-icon" aria-hidden="true" />
            {archive.diagnostics > 0 && <span className="badge">{archive.diagnostics}</span>}
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={onSettings}
            title={t('footer.settings')}
            aria-label={t('footer.settings')}
          >
            <span className="gear-icon" aria-hidden="true" />
          </button>
        </div>
      </footer>
      {(open.askPath || open.error) && (
        <Dialog title={t('footer.openFolder')} onClose={open.cancelPath}>
          {open.askPath && (
            <PathForm busy={open.busy} onOpen={open.openPath} onCancel={open.cancelPath} />
          )}
          {open.error && (
            <p className="form-problem" role="alert">
              {errorSentence(open.error.code, t)}{' '}
              <span className="error-detail">{open.error.message}</span>
            </p>
          )}
        </Dialog>
      )}
    </nav>
  );
}
