/** Splits text into lines on \n, \r\n or a lone \r (old Mac tools), without the line endings. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** Whether a line holds nothing but blanks (spaces, tabs, full-width and other Unicode spaces). */
export function isBlank(line: string): boolean {
  return line.trim() === '';
}
