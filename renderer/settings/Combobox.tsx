/**
 * A searchable choice among many (a person among hundreds, a time zone among four hundred): type
 * to narrow the list, ↑/↓ move, Enter chooses, Esc closes the list; an optional button clears
 * the choice.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';

/** Options listed at most: typing narrows the rest. */
const SHOWN = 50;

export interface ComboboxProps<Option> {
  label: string;
  options: readonly Option[];
  keyOf: (option: Option) => string;
  labelOf: (option: Option) => string;
  matches: (option: Option, filter: string) => boolean;
  /** The chosen option's key. */
  value: string | null;
  /** What the box says while nothing is typed (the choice, or that there is none). */
  placeholder: string;
  onChange: (key: string | null) => void;
  /** A button that clears the choice, with this label, shown when something is chosen. */
  clearLabel?: string;
  noMatch: string;
}

export function Combobox<Option>(props: ComboboxProps<Option>) {
  const { label, options, keyOf, labelOf, matches, value, onChange } = props;
  const id = useId();
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const shown = useMemo(
    () => options.filter((option) => matches(option, filter)).slice(0, SHOWN),
    [options, matches, filter],
  );
  const choose = (key: string | null) => {
    onChange(key);
    setOpen(false);
    setFilter('');
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      setOpen(true);
      setActive((at) =>
        Math.max(0, Math.min(shown.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1))),
      );
    } else if (event.key === 'Enter' && open && shown[active]) choose(keyOf(shown[active]!));
    else if (event.key === 'Escape' && open) setOpen(false);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div className="field combobox">
      <label htmlFor={`${id}-input`}>
        <span>{label}</span>
      </label>
      <div className="combobox-row">
        <input
          id={`${id}-input`}
          role="combobox"
          aria-expanded={open}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={open && shown[active] ? `${id}-${active}` : undefined}
          placeholder={props.placeholder}
          value={filter}
          onChange={(event) => {
            setFilter(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {value !== null && props.clearLabel && (
          <button type="button" className="button button-quiet" onClick={() => choose(null)}>
            {props.clearLabel}
          </button>
        )}
      </div>
      {open && (
        <ul className="combobox-list" id={`${id}-list`} role="listbox" aria-label={label}>
          {shown.map((option, index) => (
            <li
              key={keyOf(option)}
              id={`${id}-${index}`}
              role="option"
              aria-selected={index === active}
              className={`${index === active ? 'active' : ''}${keyOf(option) === value ? ' chosen' : ''}`}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(keyOf(option));
              }}
            >
              {labelOf(option)}
            </li>
          ))}
          {shown.length === 0 && (
            <li className="combobox-none" role="option" aria-selected={false} aria-disabled>
              {props.noMatch}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
