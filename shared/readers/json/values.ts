/**
 * Reading untrusted parsed JSON without trusting its shape: each accessor answers with the type
 * asked for, or undefined, so a field of the wrong type is a missing field rather than a crash.
 */

export type JsonObject = { readonly [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A string that holds something besides blanks. */
export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A finite number, also when written as a string (`"1614852900"`). */
export function numberOf(value: unknown): number | undefined {
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? +value : NaN;
  return Number.isFinite(number) ? number : undefined;
}

/** An id written as a string or a number. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function arrayOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The objects of an array, skipping anything else. */
export function objectsOf(value: unknown): JsonObject[] {
  return arrayOf(value).filter(isObject);
}
