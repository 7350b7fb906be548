/**
 * Reading a file whole into plain data: for tests, and for callers that want every message of a
 * small file at once. The store reads through the sink instead, a batch at a time.
 */
import type { Diagnostic, FileKind, ParsedMessage } from '../model';
import type { ConversationHeader, FileReader, ReadSink, ReaderContext } from './reader';

export interface CollectedConversation extends ConversationHeader {
  messages: ParsedMessage[];
}

export interface ReadResult {
  path: string;
  kind: FileKind;
  conversations: CollectedConversation[];
  diagnostics: Diagnostic[];
}

/** Reads `bytes` with `reader`, pushed in chunks of `chunkSize` (to exercise streaming readers). */
export function readWhole(
  reader: FileReader,
  path: string,
  bytes: Uint8Array,
  context: ReaderContext,
  chunkSize = bytes.length || 1,
): ReadResult {
  const collected = collectingSink(path);
  const session = reader.begin(path, context, collected.sink);
  for (let at = 0; at < bytes.length; at += chunkSize)
    session.push(bytes.subarray(at, Math.min(bytes.length, at + chunkSize)));
  return collected.result(session.end());
}

/** A sink that keeps everything it receives, and the ReadResult it makes of it. */
export function collectingSink(path: string): {
  sink: ReadSink;
  result(kind: FileKind): ReadResult;
} {
  const conversations: CollectedConversation[] = [];
  const diagnostics: Diagnostic[] = [];
  return {
    sink: {
      conversation(header) {
        conversations.push({ ...header, messages: [] });
        return conversations.length - 1;
      },
      message(conversation, message) {
        conversations[conversation]!.messages.push(message);
      },
      diagnostic(diagnostic) {
        diagnostics.push({ ...diagnostic, path: diagnostic.path ?? path });
      },
    },
    result: (kind) => ({ path, kind, conversations, diagnostics }),
  };
}
