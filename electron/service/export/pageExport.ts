/**
 * Exports a page asks for, in the browser (`serve`) and in the app: the typed path resolved the
 * way the dialog showed it (exportPath.ts), and written only where the policy allows
 * (policy.ts). The command line calls exportToFile directly.
 */
import type { ApiRequest, ExportResult, ExportTarget } from '../../../shared/api';
import { ServiceError } from '../../../shared/api';
import { exportFileName, resolveExportPath, type ExportNaming } from './exportPath';
import { exportToFile, type ExportOptions, type ExportSource } from './index';
import type { ExportPolicy } from './policy';
import type { PdfPrinter } from './pdf';
import { targetExists } from './target';

export interface PageExportOptions {
  policy: ExportPolicy;
  /** The home folder typed paths start from (tests give their own). */
  home?: string;
  printer?: PdfPrinter;
}

/** Where an export of the messages `first` to `last` to `path` would go, and whether it may. */
export async function describeExportTarget(
  source: ExportSource,
  request: ApiRequest<'resolveExportPath'>,
  options: PageExportOptions,
): Promise<ExportTarget> {
  const path = await resolveExportPath(
    request.path,
    request.format,
    namingOf(source, request.first, request.last),
    options.home,
  );
  const asProblem = (error: ServiceError) => ({ code: error.code, message: error.message });
  const refused = await options.policy.refusal(path, false);
  if (refused) return { path, exists: false, problem: asProblem(refused) };
  let exists: boolean;
  try {
    exists = await targetExists(path);
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    return { path, exists: false, problem: asProblem(error) };
  }
  const replacing = exists ? await options.policy.refusal(path, true) : null;
  return { path, exists, problem: replacing && asProblem(replacing) };
}

/** Writes an export to the path the page typed, resolved as describeExportTarget shows it. */
export async function exportToTypedPath(
  source: ExportSource,
  request: ApiRequest<'exportMessages'>,
  options: PageExportOptions & Pick<ExportOptions, 'me'>,
): Promise<ExportResult> {
  if (request.path === undefined)
    throw new ServiceError('invalid-argument', 'exportMessages: no file to write was given.');
  const [first, last] = bounds(request.ids);
  const path = await resolveExportPath(
    request.path,
    request.format,
    namingOf(source, first, last),
    options.home,
  );
  return exportToFile(source, { ...request, path }, options.printer, {
    policy: options.policy,
    ...(options.me === undefined ? {} : { me: options.me }),
  });
}

/** A file name for a save dialog: the conversation and days of the messages. */
export function suggestedFileName(
  source: ExportSource,
  request: ApiRequest<'exportMessages'>,
): string {
  const [first, last] = bounds(request.ids);
  return exportFileName(request.format, namingOf(source, first, last));
}

/** The conversation's title and the days of the messages `first` and `last` (ids in order). */
function namingOf(source: ExportSource, first?: number, last?: number): ExportNaming {
  const ids = [first, last].filter((id): id is number => id !== undefined);
  const messages = ids.length > 0 ? source.messagesByIds(ids) : [];
  const start = messages[0];
  const end = messages[messages.length - 1];
  if (start === undefined || end === undefined)
    return { conversation: null, firstDay: null, lastDay: null };
  const conversation =
    start.conversation === end.conversation
      ? (source.conversations().find((summary) => summary.id === start.conversation)?.title ?? null)
      : null;
  const [firstDay, lastDay] = start.day <= end.day ? [start.day, end.day] : [end.day, start.day];
  return { conversation, firstDay, lastDay };
}

function bounds(ids: readonly number[]): [number | undefined, number | undefined] {
  let low: number | undefined;
  let high: number | undefined;
  for (const id of ids) {
    if (low === undefined || id < low) low = id;
    if (high === undefined || id > high) high = id;
  }
  return [low, high];
}
