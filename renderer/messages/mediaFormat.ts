/** How attachments' sizes and boxes are written and laid out (lengths: shared/dates.ts). */

/** `12 KB`, `3.4 MB` in the locale's digits (1,024 bytes to the kilobyte, as file managers do). */
export function formatSize(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    // `804 bytes` / `804字节`, but `20 kB`.
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 || value >= 10 ? 0 : 1,
  }).format(value);
}

/** The size to show an image of `width` × `height` at, within a `max` square; unknown: null. */
export function fitBox(
  width: number | undefined,
  height: number | undefined,
  max: number,
): { width: number; height: number } | undefined {
  if (!width || !height || width <= 0 || height <= 0) return undefined;
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}
