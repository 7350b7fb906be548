/**
 * PDF export in the app: the export's HTML printed by a hidden window. No script, no network
 * (its images are data: URIs, and every other request is cancelled), its own in-memory session,
 * the page loaded from a file in a private temporary folder removed afterwards. Electron is
 * handed in (only main.ts imports it).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfPrinter } from './service/export/pdf';

type Electron = typeof import('electron');

export function windowPrinter(electron: Pick<Electron, 'BrowserWindow' | 'session'>): PdfPrinter {
  return async (html) => {
    const folder = await mkdtemp(join(tmpdir(), 'scrollback-print-'));
    const page = join(folder, 'export.html');
    const printSession = electron.session.fromPartition('scrollback-print');
    const pageUrl = pathToFileURL(page).href;
    printSession.webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: details.url !== pageUrl && !details.url.startsWith('data:') }),
    );
    const printer = new electron.BrowserWindow({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        javascript: false,
        disableBlinkFeatures: 'Auxclick',
        session: printSession,
      },
    });
    try {
      await writeFile(page, html, { mode: 0o600 });
      await printer.loadURL(pageUrl);
      return await printer.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        generateDocumentOutline: true,
        generateTaggedPDF: true,
      });
    } finally {
      printer.destroy();
      await rm(folder, { recursive: true, force: true });
    }
  };
}
