/**
 * The app's native menu as data (Electron's types only, so it is built and tested without
 * Electron): main.ts hands it the actions and turns it into a Menu.
 */
import type { MenuCommand, Settings } from '../shared/api';

type MenuItemConstructorOptions = import('electron').MenuItemConstructorOptions;

export interface MenuActions {
  /** Asks the page to do something (find, export, toggle a panel, open a folder). */
  command(name: MenuCommand): void;
  setTheme(theme: Settings['theme']): void;
  openFolder(folder: string): void;
  clearRecent(): void;
  showAbout(): void;
}

export interface MenuPlatform {
  mac: boolean;
  /** A packaged app has no developer tools in its menu. */
  packaged: boolean;
}

export function menuTemplate(
  current: Settings,
  recent: readonly string[],
  actions: MenuActions,
  platform: MenuPlatform,
): MenuItemConstructorOptions[] {
  const { mac } = platform;
  const command = (name: MenuCommand) => () => actions.command(name);
  const theme = (value: Settings['theme'], label: string): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: current.theme === value,
    click: () => actions.setTheme(value),
  });
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: command('open-folder') },
        {
          label: 'Open Recent',
          submenu: [
            ...recent.map((folder) => ({
              // `&` marks a mnemonic in menu labels; a folder's name means it literally.
              label: mac ? folder : folder.replaceAll('&', '&&'),
              click: () => actions.openFolder(folder),
            })),
            ...(recent.length > 0 ? [{ type: 'separator' as const }] : []),
            { label: 'Clear Recent', enabled: recent.length > 0, click: actions.clearRecent },
          ],
        },
        { type: 'separator' },
        { label: 'Export Selection…', accelerator: 'CmdOrCtrl+E', click: command('export') },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'copy' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: command('find') },
      ],
    },
    {
      label: '&View',
      submenu: [
        {
          label: 'Conversations',
          accelerator: 'CmdOrCtrl+Shift+L',
          click: command('toggle-conversations'),
        },
        { label: 'Speakers', accelerator: 'CmdOrCtrl+Shift+S', click: command('toggle-speakers') },
        { type: 'separator' },
        {
          label: 'Theme',
          submenu: [
            theme('system', 'Follow System'),
            theme('light', 'Light'),
            theme('dark', 'Dark'),
          ],
        },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(platform.packaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [{ label: 'About Scrollback', click: actions.showAbout }],
    },
  ];
}
