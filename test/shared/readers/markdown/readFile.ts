/**
 * A Markdown chat log read whole, as one flat result: the reader's one conversation (its day and
 * messages) and the file's diagnostics. For tests of the reader and of exports that read back a
 * Markdown export; the store reads through the reader's sink instead (shared/readers/).
 */
import { readFrontMatter } from '../../../../electron/service/frontMatter';
import type { Day, Diagnostic, FileKind, ParsedMessage } from '../../../../shared/model';
import { collectingSink } from '../../../../shared/readers/collect';
import { readMarkdown } from '../../../../shared/readers/markdown/reader';
import type { FrontMatterReader } from '../../../../shared/readers/reader';

export interface MarkdownFile {
  path: string;
  kind: FileKind;
  /** The day of the file's messages, or null when neither name nor front matter gives one. */
  day: Day | null;
  messages: ParsedMessage[];
  diagnostics: Diagnostic[];
}

export function readMarkdownFile(
  path: string,
  text: string,
  frontMatter: FrontMatterReader = readFrontMatter,
): MarkdownFile {
  const collected = collectingSink(path);
  const result = collected.result(readMarkdown(path, text, frontMatter, collected.sink));
  const conversation = result.conversations[0];
  return {
    path,
    kind: result.kind,
    day: conversation?.day ?? null,
    messages: conversation?.messages ?? [],
    diagnostics: result.diagnostics,
  };
}
