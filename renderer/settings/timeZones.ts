/**
 * Time zones for the setting that places times stored only as instants (Slack, some Telegram
 * exports): the IANA names this browser knows, each shown with its offset now (which is only a
 * label: the service converts each instant with the zone's own rules for its date).
 */

export function zoneNames(): string[] {
  let names: string[];
  try {
    names = Intl.supportedValuesOf('timeZone');
  } catch {
    names = [];
  }
  // Some browsers list only places: UTC itself is always offered.
  return names.includes('UTC') ? names : ['UTC', ...names];
}

/** `Asia/Shanghai (GMT+8)`; null names this computer's zone. */
export function zoneLabel(zone: string | null): string {
  try {
    const format = new Intl.DateTimeFormat('en-US', {
      ...(zone !== null ? { timeZone: zone } : {}),
      timeZoneName: 'shortOffset',
    });
    const name = zone ?? format.resolvedOptions().timeZone;
    const offset = format.formatToParts(new Date()).find((part) => part.type === 'timeZoneName');
    return offset ? `${name} (${offset.value})` : name;
  } catch {
    return zone ?? 'UTC';
  }
}

/** Whether a zone matches what was typed: any part of its name, `_` read as a space. */
export function zoneMatches(zone: string, filter: string): boolean {
  const wanted = filter.trim().toLowerCase().replace(/\s+/g, ' ');
  if (wanted === '') return true;
  return zone.toLowerCase().replace(/_/g, ' ').includes(wanted);
}
