/**
 * The Markdown reader's result as one flat ParsedFile. Transitional: the store and tests that
 * predate shared/readers/ read files this way until they move to the reader interface.
 */
import type { Diagnostic, ParsedFile } from '../model';
import { collectingSink } from '../readers/collect';
import { readMarkdown } from '../readers/markdown/reader';
import type { FrontMatterReader } from '../readers/reader';
import { isCandidatePath } from '../readers/registry';

export type { FrontMatterReader, FrontMatterResult } from '../readers/reader';

export function isCandidateFile(path: string): boolean {
  return isCandidatePath(path) && !/\.(json|zip)$/i.test(path);
}

export function parseFile(
  path: string,
  text: string,
  readFrontMatter: FrontMatterReader,
): ParsedFile {
  const collected = collectingSink(path);
  const result = collected.result(readMarkdown(path, text, readFrontMatter, collected.sink));
  const conversation = result.conversations[0];
  const diagnostics: Diagnostic[] = result.diagnostics;
  return {
    path,
    kind: result.kind,
    day: conversation?.day ?? null,
    title: null,
    messages: conversation?.messages ?? [],
    diagnostics,
  };
}
