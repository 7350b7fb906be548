/** Reading the CSV export back, as a strict RFC 4180 reader and a spreadsheet user would. */
import { expect } from 'vitest';

/** An RFC 4180 reader, strict: a byte order mark, every field quoted, CRLF between records. */
export function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const records: string[][] = [];
  const pattern = /"((?:[^"]|"")*)"(,|\r\n)/gy;
  let record: string[] = [];
  let match;
  pattern.lastIndex = 1;
  while ((match = pattern.exec(text)) !== null) {
    record.push(match[1]!.replaceAll('""', '"'));
    if (match[2] === '\r\n') {
      records.push(record);
      record = [];
    }
  }
  expect(pattern.lastIndex === 0 && record.length === 0).toBe(true);
  return records;
}

/** A cell's text without the apostrophe the export puts before a would-be formula. */
export function undoFormulaGuard(field: string): string {
  return /^'+[=+\-@\t\r]/.test(field) ? field.slice(1) : field;
}
