/**
 * The people of the current day or of the whole conversation, by message count (the service's).
 * Alias groups are one row; a click shows only that person's messages across days, a second click
 * clears it. In narrow windows it is an overlay over the messages, opened from the header. A
 * speakerless log says that it records no speakers, rather than "0 people".
 */
import { useMemo, useState, type KeyboardEvent } from 'react';
import type { SpeakersResult } from '../../shared/api';
import { useT } from '../i18n/I18nContext';
import { Avatar } from '../messages/Avatar';
import { cardLine, matchesFilter, personRows } from './people';
import { IconButton } from '../app/IconButton';

export interface SpeakerSidebarProps {
  /** An overlay over the messages (narrow windows) rather than a column. */
  overlay: boolean;
  result: SpeakersResult | undefined;
  loading: boolean;
  scope: 'day' | 'conversation';
  onScope: (scope: 'day' | 'conversation') => void;
  activePerson: string | null;
  onPerson: (person: string | null) => void;
  me: string | null;
  onMe: (person: string | null) => void;
  onHide: () => void;
}

export function SpeakerSidebar(props: SpeakerSidebarProps) {
  const { overlay, result, loading, scope, onScope, activePerson, onPerson, me, onMe, onHide } =
    props;
  const t = useT();
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => (result ? personRows(result) : []), [result]);
  const shown = rows.filter((row) => matchesFilter(row, filter));

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.person')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[
      Math.max(0, Math.min(buttons.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))
    ]?.focus();
  };

  return (
    <aside
      className={`speakers${overlay ? ' speakers-overlay' : ''}`}
      id="people"
      aria-label={t('speakers.label')}
    >
      <header className="speakers-header">
        <div className="segmented" role="group" aria-label={t('speakers.scope')}>
          <button type="button" aria-pressed={scope === 'day'} onClick={() => onScope('day')}>
            {t('speakers.scopeDay')}
          </button>
          <button
            type="button"
            aria-pressed={scope === 'conversation'}
            onClick={() => onScope('conversation')}
          >
            {t('speakers.scopeConversation')}
          </button>
        </div>
        <IconButton label={t('speakers.hide')} onClick={onHide}>
          {overlay ? '×' : '⟩'}
        </IconButton>
      </header>
      <input
        type="search"
        className="filter-input"
        placeholder={t('speakers.filter')}
        aria-label={t('speakers.filter')}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <p className="speakers-count" aria-live="polite">
        {loading && !result
          ? t('common.loading')
          : rows.length === 0
            ? t('speakers.none')
            : t('speakers.count', { count: shown.length })}
      </p>
      <ul className="person-list" aria-label={t('speakers.label')} onKeyDown={onKeyDown}>
        {shown.map((row) => {
          const active = row.id === activePerson;
          const second = cardLine(row.card);
          const aliases = row.names.filter((name) => name !== row.mainName);
          return (
            <li key={row.id} className={`person-item${active ? ' person-active' : ''}`}>
              <button
                type="button"
                className="person"
                aria-pressed={active}
                onClick={() => onPerson(active ? null : row.id)}
                title={row.names.join('\n')}
              >
                <Avatar name={row.displayName} person={row.id} size={32} />
                <span className="person-text">
                  <span className="person-line">
                    <span className="person-name">{row.displayName}</span>
                    {row.id === me && <span className="me-badge">{t('speakers.meBadge')}</span>}
                    <span className="person-count">
                      {t('common.number', { count: row.messages })}
                    </span>
                  </span>
                  {second !== '' && <span className="person-card">{second}</span>}
                  {aliases.length > 0 && (
                    <span className="person-aliases">
                      {t('speakers.aliases', { names: aliases.join('、') })}
                    </span>
                  )}
                </span>
              </button>
              <button
                type="button"
                className="me-toggle"
                aria-pressed={row.id === me}
                onClick={() => onMe(row.id === me ? null : row.id)}
                title={row.id === me ? t('speakers.notMe') : t('speakers.me')}
              >
                {row.id === me ? t('speakers.notMe') : t('speakers.me')}
              </button>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
