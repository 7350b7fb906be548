/** A speaker's avatar: their first character on a colour of their own. */
import { avatarColor, avatarInitial } from '../../shared/avatar';

export function Avatar({
  name,
  person,
  size = 36,
}: {
  name: string;
  person: string;
  size?: number;
}) {
  const empty = name === '';
  return (
    <span
      className={`avatar${empty ? ' avatar-none' : ''}`}
      aria-hidden="true"
      style={{
        backgroundColor: empty ? undefined : avatarColor(person),
        width: size,
        height: size,
        fontSize: Math.round(size * 0.45),
      }}
    >
      {empty ? '' : avatarInitial(name)}
    </span>
  );
}
