/**
 * Export in the app: the file is always chosen in a native save dialog, whatever path the page
 * sends. The page runs archive text, so it must not pick files on its own; only the app's own
 * e2e tests, with main's --test-page-export-paths switch, let the page name the file. The folder
 * chosen in the dialog counts as chosen by the user (the dialog itself asked about replacing a
 * file there), and hidden files of the home folder stay refused (service/export/policy.ts).
 */
import type { Host } from './service/api';
import type { ArchiveService } from './service/archiveService';
import { exportToFile } from './service/export';
import {
  describeExportTarget,
  exportToTypedPath,
  suggestedFileName,
} from './service/export/pageExport';
import type { PdfPrinter } from './service/export/pdf';
import { ExportPolicy } from './service/export/policy';
import type { SettingsStore } from './service/settings';

export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}

export interface AppExportOptions {
  /** Shows the native save dialog; the chosen path, or null when cancelled. */
  saveDialog(options: SaveDialogOptions): Promise<string | null>;
  printer: PdfPrinter;
  /** Only main's --test-page-export-paths switch sets this. */
  pagePaths: boolean;
  policy?: ExportPolicy;
}

export function appExportHost(
  service: ArchiveService,
  settings: SettingsStore,
  options: AppExportOptions,
): Pick<Host, 'exportMessages' | 'resolveExportPath'> {
  const policy = options.policy ?? new ExportPolicy();
  return {
    exportMessages: async (request) => {
      const me = (await settings.get()).me;
      if (options.pagePaths && request.path !== undefined)
        return exportToTypedPath(service, request, { policy, printer: options.printer, me });
      const path = await options.saveDialog({
        title: 'Export messages',
        defaultPath: suggestedFileName(service, request),
        filters: [{ name: request.format.toUpperCase(), extensions: [request.format] }],
      });
      if (path === null) return { path: null, messages: 0, bytes: 0 };
      await policy.choseInDialog(path);
      // The dialog already asked about replacing an existing file.
      return exportToFile(service, { ...request, path, overwrite: true }, options.printer, {
        me,
        policy,
      });
    },
    resolveExportPath: (request) => describeExportTarget(service, request, { policy }),
  };
}
