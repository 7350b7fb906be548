/**
 * `scrollback export <folder> --format FORMAT -o FILE [filters] [--force]`: writes the messages
 * that pass every filter given (all messages when none is) to one file.
 */
import { resolve } from 'node:path';
import { ServiceError, exportFormatSchema } from '../../shared/api';
import { isDay } from '../../shared/dates';
import { ArchiveService } from '../service/archiveService';
import { exportToFile } from '../service/export';
import { chromiumPrinter } from '../service/export/pdf';
import { chosenTimeZone } from './archive';
import { printable, printOut } from './terminal';
import { UsageError, formatCount, parseCommandArgs, progressReporter } from './usage';
import { describeQueryProblem } from '../../shared/query/parse';

const USAGE = `Usage: scrollback export <folder> --format md|html|pdf|json|csv|txt -o FILE [options]

Writes the messages of an archive that pass every filter given to FILE.
  --format F         md (the archive's own Markdown), html (one page, no script), pdf (the page
                     printed by Chromium or Chrome), json, csv (UTF-8 with BOM), txt
  -o, --output FILE  where to write; an existing file is replaced only with --force
  --in C             only the conversation C (its folder, as "scrollback stats" lists, or title)
  --from DAY         only from DAY on (YYYY-MM-DD)
  --to DAY           only up to DAY (YYYY-MM-DD), inclusive
  --person NAME      only messages of NAME and the other names of the same person
  --query Q          only messages the search Q finds
  --force            replace FILE if it exists
  --cache-dir DIR    keep the archive's store in DIR (default: the user's cache folder); the
                     archive folder itself is never written
  --tz ZONE          write instants (Slack, Telegram) in this IANA zone, e.g. Asia/Shanghai
                     (default: SCROLLBACK_TZ, or this machine's zone)`;

/** Search results are read in pages of this size, the most the API gives at once. */
const SEARCH_PAGE = 500;

export async function runExport(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    {
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      in: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      person: { type: 'string' },
      query: { type: 'string' },
      force: { type: 'boolean' },
      'cache-dir': { type: 'string' },
      tz: { type: 'string' },
    },
    USAGE,
  );
  if (!parsed) return 0;
  const { values } = parsed;
  const timeZone = chosenTimeZone(values.tz);
  const [folder, ...extra] = parsed.positionals;
  if (folder === undefined || extra.length > 0)
    throw new UsageError(`give exactly one archive folder.\n\n${USAGE}`);
  const format = exportFormatSchema.safeParse(values.format);
  if (!format.success)
    throw new UsageError(`--format must be one of md, html, pdf, json, csv, txt.\n\n${USAGE}`);
  if (values.output === undefined || values.output === '')
    throw new UsageError(`give the file to write with -o FILE.\n\n${USAGE}`);
  for (const [option, day] of [
    ['--from', values.from],
    ['--to', values.to],
  ] as const) {
    if (day !== undefined && !isDay(day))
      throw new UsageError(`${option} takes a day written YYYY-MM-DD, not "${printable(day)}".`);
  }

  const service = new ArchiveService({
    ...(values['cache-dir'] === undefined ? {} : { cacheDir: resolve(values['cache-dir']) }),
    ...(timeZone === undefined ? {} : { timeZone }),
    watch: false,
  });
  const progress = progressReporter('Reading');
  const stop = service.onEvent((event) => {
    if (event.type === 'status' && event.status.state === 'loading')
      progress(event.status.done, event.status.total);
  });
  try {
    await service.open(folder);
    // A store opened before answers at once; what changed since (or a new zone) is read first.
    await service.settled();
  } catch (error) {
    if (error instanceof ServiceError) return fail(error.message);
    throw error;
  } finally {
    stop();
    progress.end();
  }

  try {
    const filters = {
      conversation: values.in,
      from: values.from,
      to: values.to,
      person: values.person,
      query: values.query,
    };
    const selected = selectIds(service, filters);
    if (typeof selected === 'string') return fail(selected);
    if (selected.length === 0) return fail('No message passes the filters; nothing was written.');
    const result = await exportToFile(
      service,
      {
        ids: selected,
        format: format.data,
        path: values.output,
        overwrite: values.force === true,
      },
      format.data === 'pdf' ? chromiumPrinter() : undefined,
    );
    printOut(
      `Wrote ${formatCount(result.messages)} message${result.messages === 1 ? '' : 's'} (${formatBytes(result.bytes)}) to ${printable(result.path ?? '')}\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    return fail(
      error.code === 'file-exists' ? `${error.message} Add --force to replace it.` : error.message,
    );
  } finally {
    service.close();
  }
}

interface ExportFilters {
  conversation?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  person?: string | undefined;
  query?: string | undefined;
}

/**
 * The ids of the messages passing every filter, in archive order; or a sentence saying what did
 * not match. Only ids are kept: the export reads the messages once, when it writes them.
 */
function selectIds(service: ArchiveService, filters: ExportFilters): number[] | string {
  let conversations = service.conversations();
  if (filters.conversation !== undefined) {
    const wanted = filters.conversation;
    const byId = conversations.filter((conversation) => conversation.id === wanted);
    const chosen =
      byId.length > 0
        ? byId
        : conversations.filter((conversation) => conversation.title === wanted);
    if (chosen.length === 0)
      return `There is no conversation "${wanted}". The archive has: ${conversations.map((c) => c.id).join(', ')}.`;
    if (chosen.length > 1)
      return `Several conversations are called "${wanted}": ${chosen.map((c) => c.id).join(', ')}. Give one of these.`;
    conversations = chosen;
  }
  const found = filters.query === undefined ? null : searchIds(service, filters.query);
  const ids: number[] = [];
  let speakerFound = filters.person === undefined;
  for (const conversation of conversations) {
    const names =
      filters.person === undefined ? null : namesOf(service, conversation.id, filters.person);
    if (names !== null && names.size > 0) speakerFound = true;
    for (const { day } of service.days(conversation.id)) {
      if (
        (filters.from !== undefined && day < filters.from) ||
        (filters.to !== undefined && day > filters.to)
      )
        continue;
      for (const message of service.dayMessages(conversation.id, day).messages) {
        // Echoes are not messages a user sees (shared/model.ts): exports leave them out too.
        if (message.echoOf !== undefined) continue;
        if (names !== null && !names.has(message.speaker)) continue;
        if (found !== null && !found.has(message.id)) continue;
        ids.push(message.id);
      }
    }
  }
  if (!speakerFound)
    return `Nobody is called "${filters.person}" in ${conversations.length === 1 ? `"${conversations[0]!.id}"` : 'this archive'}.`;
  return ids;
}

/** The speaker names of the person `name` is one of (by PersonSummary), in one conversation. */
function namesOf(service: ArchiveService, conversation: string, name: string): Set<string> {
  const { speakers, persons } = service.speakers(conversation);
  const person = persons.find(
    (candidate) => candidate.id === name || candidate.names.includes(name),
  );
  if (person) return new Set(person.names);
  return new Set(speakers.some((speaker) => speaker.name === name) ? [name] : []);
}

/** Every hit of a search, page after page. */
function searchIds(service: ArchiveService, query: string): Set<number> {
  const ids = new Set<number>();
  let cursor: string | undefined;
  do {
    const page = service.search(query, {
      limit: SEARCH_PAGE,
      order: 'oldest',
      ...(cursor === undefined ? {} : { cursor }),
    });
    if (page.problems.length > 0 && ids.size === 0)
      process.stderr.write(
        page.problems
          .map(
            (problem) =>
              `scrollback export: --query: ${printable(describeQueryProblem(problem))}\n`,
          )
          .join(''),
      );
    for (const hit of page.hits) ids.add(hit.id);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return ids;
}

/** One sentence on stderr; it may name conversations and people from the archive. */
function fail(message: string): number {
  process.stderr.write(`scrollback export: ${printable(message)}\n`);
  return 1;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
