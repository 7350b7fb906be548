/**
 * A button that shows only a sign or an icon (close, previous, next, settings...): its label is
 * both its accessible name and its tooltip, which also says its shortcut when it has one.
 */
import type { ButtonHTMLAttributes, ReactNode } from 'react';

export interface IconButtonProps extends Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'type' | 'title' | 'aria-label'
> {
  label: string;
  /** A key that does the same, said in the tooltip: `Previous day ([)`. */
  shortcut?: string;
  children: ReactNode;
}

export function IconButton({ label, shortcut, className, children, ...button }: IconButtonProps) {
  return (
    <button
      type="button"
      className={className ? `icon-button ${className}` : 'icon-button'}
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      {...button}
    >
      {children}
    </button>
  );
}
