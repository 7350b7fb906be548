/**
 * The e2e timing report: speed is printed, never asserted (the machine is shared and noisy).
 * A spec records a line per measured action; the file is emptied before the run and printed
 * after it (globalSetup / globalTeardown), and kept at test-results/e2e/timings.txt.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const TIMINGS = resolve(__dirname, '../../test-results/e2e/timings.txt');

/** One line: what was measured, the figure in milliseconds, and what it was measured on. */
export function recordTiming(action: string, milliseconds: number, detail = ''): void {
  mkdirSync(dirname(TIMINGS), { recursive: true });
  const figure = `${milliseconds.toFixed(0).padStart(6)} ms`;
  appendFileSync(TIMINGS, `${figure}  ${action}${detail ? ` (${detail})` : ''}\n`);
}

export function startTimings(): void {
  mkdirSync(dirname(TIMINGS), { recursive: true });
  writeFileSync(TIMINGS, '');
}

export function timingReport(): string {
  return existsSync(TIMINGS) ? readFileSync(TIMINGS, 'utf8') : '';
}
