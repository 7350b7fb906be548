/**
 * PDF export is the HTML export printed. Who prints is injected: in the app, Electron's
 * webContents.printToPDF on a hidden window (electron/printWindow.ts); on the command line and
 * under `serve`, Chromium through playwright-core (chromiumPrinter below), when a Chromium or
 * Chrome is installed, started offline (OFFLINE_SWITCHES).
 */
import { existsSync } from 'node:fs';
import { ServiceError } from '../../../shared/api';

/** Prints a complete, self-contained HTML page to PDF bytes. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

export interface ChromiumOptions {
  /** The browser to run; found with findChromium when absent. */
  executablePath?: string;
  /** Told of every request the page tries to make (there should be none); each is refused. */
  onRequest?: (url: string) => void;
}

/** Where Chromium or Chrome is usually installed, in the order tried after SCROLLBACK_CHROMIUM. */
const CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * playwright-core drives the browser (a dependency of the package; the desktop app prints with
 * Electron instead and does not ship it). Loaded only for PDF, so that the other formats never
 * pay for it, and a missing one is a sentence, not a stack trace.
 */
async function loadPlaywright(): Promise<typeof import('playwright-core')> {
  try {
    return await import('playwright-core');
  } catch {
    throw new ServiceError(
      'unsupported',
      'PDF export needs the playwright-core package, which is missing from this installation; reinstall Scrollback (npm ci), or export HTML and print it from a browser.',
    );
  }
}

/** Chromium fills the pageNumber and totalPages spans; nothing from the archive goes in here. */
const PAGE_NUMBER_FOOTER =
  '<div style="width:100%;text-align:center;font-size:8px;color:#8c8c8c;font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/**
 * Switches that keep the printing browser off the network: no name resolves (nothing is fetched
 * even if something tried), and the background services that phone home (updates, sync,
 * safe browsing, metrics, the Google account check) are off.
 */
const OFFLINE_SWITCHES = [
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-breakpad',
  '--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,NetworkTimeServiceQuerying,CertificateTransparencyComponentUpdater',
  '--no-pings',
  '--no-first-run',
  '--no-default-browser-check',
  '--metrics-recording-only',
];

export function findChromium(environment: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = environment.SCROLLBACK_CHROMIUM;
  if (chosen) return existsSync(chosen) ? chosen : null;
  return CHROMIUM_PATHS.find((path) => existsSync(path)) ?? null;
}

/**
 * A printer that starts a headless Chromium for each export, with JavaScript off and every
 * network request refused (the page needs none: its images are data: URIs).
 */
export function chromiumPrinter(options: ChromiumOptions = {}): PdfPrinter {
  return async (html) => {
    const executablePath = options.executablePath ?? findChromium();
    if (executablePath === null) {
      throw new ServiceError(
        'unsupported',
        'PDF export needs Chromium or Google Chrome, and none was found. Install one, or set SCROLLBACK_CHROMIUM to its path; or export HTML and print it from a browser.',
      );
    }
    const { chromium } = await loadPlaywright();
    const browser = await chromium.launch({
      executablePath,
      headless: true,
      args: OFFLINE_SWITCHES,
    });
    try {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        serviceWorkers: 'block',
        offline: true,
      });
      await context.route('**/*', (route) => {
        options.onRequest?.(route.request().url());
        return route.abort('blockedbyclient');
      });
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        outline: true,
        tagged: true,
        // Page numbers, so a printed thread can be cited and put back in order.
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: PAGE_NUMBER_FOOTER,
      });
    } finally {
      await browser.close();
    }
  };
}
