/**
 * For readers that need a file's bytes all at once (Markdown logs, WhatsApp chats, one Slack
 * day): collects the pushed chunks, refusing to hold more than `maxBytes`, then parses.
 */
import type { FileKind } from '../model';
import { decodeBytes } from '../text/decode';
import type { ReadSession, ReadSink } from './reader';

/** Larger files are not read whole: no day's log or chat export of text comes close. */
export const MAX_WHOLE_FILE_BYTES = 256 * 1024 * 1024;

/** What readers that stream a file (a JSON export, a message at a time) may read. */
export const STREAMED_FILE_BYTES = 8 * 1024 * 1024 * 1024;

function wholeFile(
  sink: ReadSink,
  parse: (bytes: Uint8Array) => FileKind,
  maxBytes = MAX_WHOLE_FILE_BYTES,
): ReadSession {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let tooLarge = false;
  return {
    push(chunk) {
      if (tooLarge) return;
      size += chunk.length;
      if (size > maxBytes) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    },
    end() {
      if (tooLarge) {
        sink.diagnostic({
          message: `Not read: the file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB a file of this kind may be.`,
        });
        return 'skipped';
      }
      return parse(concatBytes(chunks, size));
    },
  };
}

function concatBytes(chunks: readonly Uint8Array[], size?: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const total = size ?? chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * For readers of text held whole: the bytes decoded (UTF-8, UTF-16 with a BOM, GB18030), with a
 * diagnostic when they are not text or were read with a guess; then `parse` on the text.
 */
export function wholeText(
  sink: ReadSink,
  parse: (text: string) => FileKind,
  maxBytes = MAX_WHOLE_FILE_BYTES,
): ReadSession {
  return wholeFile(
    sink,
    (bytes) => {
      const decoded = decodeBytes(bytes);
      if (!decoded.ok) {
        sink.diagnostic({ message: `Not read: ${decoded.reason}.` });
        return 'skipped';
      }
      if (decoded.warning)
        sink.diagnostic({ message: `Read as ${decoded.encoding}, but ${decoded.warning}.` });
      return parse(decoded.text);
    },
    maxBytes,
  );
}
