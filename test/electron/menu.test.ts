/** The native menu as data: recent folders, the theme, the commands it sends to the page. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type MenuCommand } from '../../shared/api';
import { menuTemplate, type MenuActions } from '../../electron/menu';

type Item = import('electron').MenuItemConstructorOptions;

function find(items: readonly Item[], label: string): Item {
  for (const item of items) {
    if (item.label === label) return item;
    const inner = Array.isArray(item.submenu) ? find(item.submenu as Item[], label) : null;
    if (inner) return inner;
  }
  return null as unknown as Item;
}

describe('menuTemplate', () => {
  const done: string[] = [];
  const actions: MenuActions = {
    command: (name: MenuCommand) => done.push(`command ${name}`),
    setTheme: (theme) => done.push(`theme ${theme}`),
    openFolder: (folder) => done.push(`open ${folder}`),
    clearRecent: () => done.push('clear'),
    showAbout: () => done.push('about'),
  };
  const click = (item: Item) => (item.click as () => void)();

  it('lists recent folders, with & meant literally, and clears them', () => {
    const template = menuTemplate(DEFAULT_SETTINGS, ['/a/R&D', '/b'], actions, {
      mac: false,
      packaged: true,
    });
    click(find(template, '/a/R&&D'));
    click(find(template, 'Clear Recent'));
    expect(find(template, 'Clear Recent').enabled).toBe(true);
    expect(
      find(
        menuTemplate(DEFAULT_SETTINGS, [], actions, { mac: false, packaged: true }),
        'Clear Recent',
      ).enabled,
    ).toBe(false);
    expect(done.splice(0)).toEqual(['open /a/R&D', 'clear']);
  });

  it('checks the current theme and sends the page its commands', () => {
    const template = menuTemplate({ ...DEFAULT_SETTINGS, theme: 'dark' }, [], actions, {
      mac: true,
      packaged: false,
    });
    expect(find(template, 'Dark').checked).toBe(true);
    expect(find(template, 'Light').checked).toBe(false);
    click(find(template, 'Light'));
    click(find(template, 'Find…'));
    click(find(template, 'Export Selection…'));
    expect(done.splice(0)).toEqual(['theme light', 'command find', 'command export']);
    // Developer tools only outside a packaged app.
    const view = find(template, '&View').submenu as Item[];
    expect(view.some((item) => item.role === 'toggleDevTools')).toBe(true);
  });
});
