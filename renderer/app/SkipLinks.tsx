/** Links that appear on the first Tab, to jump past the columns to what a reader came for. */
import { useT } from '../i18n/I18nContext';

function focusFirst(selector: string) {
  document.querySelector<HTMLElement>(selector)?.focus();
}

export function SkipLinks({ hasMessages }: { hasMessages: boolean }) {
  const t = useT();
  return (
    <nav className="skip-links" aria-label={t('skip.label')}>
      {hasMessages && (
        <a
          href="#messages"
          onClick={(event) => {
            event.preventDefault();
            focusFirst('#messages [role="listitem"][tabindex="0"]');
          }}
        >
          {t('skip.messages')}
        </a>
      )}
      <a
        href="#search"
        onClick={(event) => {
          event.preventDefault();
          focusFirst('#search input');
        }}
      >
        {t('skip.search')}
      </a>
      <a
        href="#conversations"
        onClick={(event) => {
          event.preventDefault();
          focusFirst('#conversations button.conversation');
        }}
      >
        {t('skip.conversations')}
      </a>
    </nav>
  );
}
