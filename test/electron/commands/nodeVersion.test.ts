/** On an older Node.js the commands say what they need, rather than failing inside SQLite. */
import { describe, expect, it } from 'vitest';
import { nodeTooOld } from '../../../electron/commands/usage';

describe('the Node.js the commands need', () => {
  it('names the version needed and the one running when it is older', () => {
    expect(nodeTooOld('20.18.1')).toBe(
      'scrollback needs Node.js 22.12 or newer; this is Node.js 20.18.1.',
    );
    expect(nodeTooOld('22.11.0')).toMatch(/needs Node.js 22.12/);
  });

  it('lets 22.12 and anything newer run', () => {
    for (const version of ['22.12.0', '22.23.3', '23.0.0', '24.1.2'])
      expect(nodeTooOld(version)).toBeNull();
    expect(nodeTooOld(process.versions.node)).toBeNull();
  });
});
