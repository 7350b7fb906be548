import { describe, expect, it } from 'vitest';
import {
  NO_CHANGES,
  changeOf,
  withArchiveOpened,
  withChange,
} from '../../renderer/app/archiveChanges';

describe('archive changes', () => {
  it('reloads what is shown of a changed conversation, and leaves the others be', () => {
    const opened = withArchiveOpened(NO_CHANGES);
    const changed = withChange(opened, ['groups/trailclub']);
    expect(changeOf(changed, 'groups/trailclub')).not.toBe(changeOf(opened, 'groups/trailclub'));
    expect(changeOf(changed, 'groups/devteam')).toBe(changeOf(opened, 'groups/devteam'));
    // Search results span every conversation: any change asks again.
    expect(changeOf(changed, null)).not.toBe(changeOf(opened, null));
  });

  it('never gives a conversation of a newly opened archive a number used before', () => {
    const first = withChange(withArchiveOpened(NO_CHANGES), ['a']);
    const second = withArchiveOpened(first);
    const used = [changeOf(first, 'a'), changeOf(first, 'b'), changeOf(NO_CHANGES, 'a')];
    expect(used).not.toContain(changeOf(second, 'a'));
    expect(used).not.toContain(changeOf(second, 'b'));
  });
});
