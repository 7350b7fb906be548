/**
 * The searchable pickers of Settings: "This is me" (a person, by any of their names) and the
 * time zone in which times stored only as instants are shown ('system' or an IANA zone).
 */
import { useMemo } from 'react';
import { useT } from '../i18n/I18nContext';
import { matchesFilter, type PersonRow } from '../speakers/people';
import { Combobox } from './Combobox';
import { zoneLabel, zoneMatches, zoneNames } from './timeZones';

export function PersonPicker({
  label,
  people,
  value,
  onChange,
}: {
  label: string;
  people: readonly PersonRow[];
  value: string | null;
  onChange: (person: string | null) => void;
}) {
  const t = useT();
  const chosen = people.find((person) => person.id === value);
  return (
    <Combobox
      label={label}
      options={people}
      keyOf={(person) => person.id}
      labelOf={(person) => person.names.join(' / ')}
      matches={matchesFilter}
      value={value}
      placeholder={chosen ? chosen.names.join(' / ') : (value ?? t('settings.meNone'))}
      onChange={onChange}
      clearLabel={t('settings.meClear')}
      noMatch={t('settings.meNoMatch')}
    />
  );
}

export function TimeZonePicker({
  value,
  onChange,
}: {
  value: string;
  onChange: (zone: string) => void;
}) {
  const t = useT();
  const zones = useMemo(() => ['system', ...zoneNames()], []);
  const system = t('settings.timeZoneSystem', { zone: zoneLabel(null) });
  const labelOf = (zone: string) => (zone === 'system' ? system : zoneLabel(zone));
  return (
    <div className="time-zone">
      <Combobox
        label={t('settings.timeZone')}
        options={zones}
        keyOf={(zone) => zone}
        labelOf={labelOf}
        matches={(zone, filter) => (zone === 'system' ? filter === '' : zoneMatches(zone, filter))}
        value={value}
        placeholder={labelOf(value)}
        onChange={(zone) => onChange(zone ?? 'system')}
        noMatch={t('settings.timeZoneNoMatch')}
      />
      <small>{t('settings.timeZoneHint')}</small>
    </div>
  );
}
