/**
 * "This is me" as a searchable picker: type any of a person's names to find them among hundreds
 * (a combobox: ↑/↓ move, Enter chooses, Esc closes the list), or choose nobody.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/I18nContext';
import { matchesFilter, type PersonRow } from '../speakers/people';

const SHOWN = 50;

export function PersonPicker({
  label,
  people,
  value,
  onChange,
}: {
  label: string;
  people: readonly PersonRow[];
  value: string | null;
  onChange: (person: string | null) => void;
}) {
  const t = useT();
  const id = useId();
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(
    () => people.filter((person) => matchesFilter(person, filter)).slice(0, SHOWN),
    [people, filter],
  );
  const chosen = people.find((person) => person.id === value);
  const choose = (person: string | null) => {
    onChange(person);
    setOpen(false);
    setFilter('');
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      setOpen(true);
      setActive((at) =>
        Math.max(0, Math.min(matches.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1))),
      );
    } else if (event.key === 'Enter' && open && matches[active]) choose(matches[active]!.id);
    else if (event.key === 'Escape' && open) setOpen(false);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div className="field person-picker">
      <label htmlFor={`${id}-input`}>
        <span>{label}</span>
      </label>
      <div className="person-picker-row">
        <input
          id={`${id}-input`}
          role="combobox"
          aria-expanded={open}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={open && matches[active] ? `${id}-${active}` : undefined}
          placeholder={chosen ? chosen.names.join(' / ') : (value ?? t('settings.meNone'))}
          value={filter}
          onChange={(event) => {
            setFilter(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
        />
        {value !== null && (
          <button type="button" className="button button-quiet" onClick={() => choose(null)}>
            {t('settings.meClear')}
          </button>
        )}
      </div>
      {open && (
        <ul className="person-picker-list" id={`${id}-list`} role="listbox" aria-label={label}>
          {matches.map((person, index) => (
            <li
              key={person.id}
              id={`${id}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(person.id);
              }}
            >
              {person.names.join(' / ')}
            </li>
          ))}
          {matches.length === 0 && (
            <li className="person-picker-none">{t('settings.meNoMatch')}</li>
          )}
        </ul>
      )}
    </div>
  );
}
