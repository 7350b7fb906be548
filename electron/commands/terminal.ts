/**
 * Text from an archive on a terminal. Names, paths and messages come from anywhere, and a
 * terminal obeys control sequences: OSC 52 writes the clipboard, cursor codes rewrite lines that
 * were already printed, bidi overrides reorder what the reader sees. Human-readable output
 * therefore shows every such character as a visible escape (`\x1b`, `\u202e`); JSON output is
 * already escaped by JSON.stringify.
 */
import { fstatSync, writeSync } from 'node:fs';

/**
 * C0 controls (newline and tab too: a line of output stays one line), DEL, C1 controls, the
 * line and paragraph separators, and the bidi marks, embeddings, overrides and isolates.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** `text` with every control and bidi character shown as a visible escape. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (character) => {
    const code = character.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Each line of a multi-line text made printable, for output that keeps the text's lines. */
export function printableLines(text: string): string[] {
  return text.split('\n').map(printable);
}

/**
 * Whether standard output is a terminal. Only a character device is asked further: creating
 * process.stdout loads the stream modules (about 6 ms of a one-shot command).
 */
export function outputIsTerminal(): boolean {
  try {
    if (!fstatSync(1).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return process.stdout.isTTY === true;
}

/**
 * Prints a command's output. A pipe or a file is written directly, bytes as they are, without
 * creating process.stdout; a terminal (and Windows, whose console wants the stream's UTF-16)
 * gets the stream. A full non-blocking pipe hands the rest to the stream, which waits for it;
 * a reader that went away (`| head`) ends the output quietly.
 */
export function printOut(text: string): void {
  if (process.platform === 'win32' || outputIsTerminal()) {
    process.stdout.write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(1, bytes, offset);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN') process.stdout.write(bytes.subarray(offset));
    else if (code !== 'EPIPE') throw error;
  }
}
