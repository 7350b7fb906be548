/**
 * Writes messages as WhatsApp's exporters do in several locales, for property tests: generate
 * messages, render them, read them back, compare.
 */
import type { DateOrder } from '../../../../shared/readers/whatsapp/dateOrder';

export interface Written {
  day: string;
  /** `HH:MM:SS`; styles without seconds get messages whose seconds are 0. */
  time: string;
  speaker: string;
  /** Lines joined with `\n`. */
  text: string;
}

export interface Style {
  name: string;
  order: DateOrder;
  seconds: boolean;
  /** The start of a message line, up to and including `Name: `. */
  header(day: string, time: string, speaker: string): string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function parts(day: string, time: string) {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [hour, minute, second] = time.split(':').map(Number) as [number, number, number];
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return { year, month, date, hour, minute, second, twelve, pm: hour >= 12, yy: pad(year % 100) };
}

export const STYLES: readonly Style[] = [
  {
    name: 'Android en-US',
    order: 'month-first',
    seconds: false,
    header(day, time, speaker) {
      const p = parts(day, time);
      return `${p.month}/${p.date}/${p.yy}, ${p.twelve}:${pad(p.minute)}\u202f${p.pm ? 'PM' : 'AM'} - ${speaker}: `;
    },
  },
  {
    name: 'Android en-GB',
    order: 'day-first',
    seconds: false,
    header(day, time, speaker) {
      const p = parts(day, time);
      return `${pad(p.date)}/${pad(p.month)}/${p.year}, ${pad(p.hour)}:${pad(p.minute)} - ${speaker}: `;
    },
  },
  {
    name: 'Android de',
    order: 'day-first',
    seconds: false,
    header(day, time, speaker) {
      const p = parts(day, time);
      return `${pad(p.date)}.${pad(p.month)}.${p.yy}, ${pad(p.hour)}:${pad(p.minute)} - ${speaker}: `;
    },
  },
  {
    name: 'Android es',
    order: 'day-first',
    seconds: false,
    header(day, time, speaker) {
      const p = parts(day, time);
      const mark = p.pm ? 'p.\u00a0m.' : 'a.\u00a0m.';
      return `${p.date}/${p.month}/${p.yy}, ${p.twelve}:${pad(p.minute)}\u202f${mark} - ${speaker}: `;
    },
  },
  {
    name: 'Android ja',
    order: 'year-first',
    seconds: false,
    header(day, time, speaker) {
      const p = parts(day, time);
      return `${p.year}/${pad(p.month)}/${pad(p.date)} ${p.pm ? '午後' : '午前'}${p.hour % 12}:${pad(p.minute)} - ${speaker}: `;
    },
  },
  {
    name: 'Android ISO',
    order: 'year-first',
    seconds: false,
    header(day, time, speaker) {
      const p = parts(day, time);
      return `${day} ${pad(p.hour)}:${pad(p.minute)} - ${speaker}: `;
    },
  },
  {
    name: 'iOS en-GB',
    order: 'day-first',
    seconds: true,
    header(day, time, speaker) {
      const p = parts(day, time);
      return `[${pad(p.date)}/${pad(p.month)}/${p.year}, ${time}] ${speaker}: `;
    },
  },
  {
    name: 'iOS en-US',
    order: 'month-first',
    seconds: true,
    header(day, time, speaker) {
      const p = parts(day, time);
      return `\u200e[${p.month}/${p.date}/${p.yy}, ${p.twelve}:${pad(p.minute)}:${pad(p.second)}\u202f${p.pm ? 'PM' : 'AM'}] ${speaker}: `;
    },
  },
  {
    name: 'iOS fi',
    order: 'day-first',
    seconds: true,
    header(day, time, speaker) {
      const p = parts(day, time);
      return `[${p.date}.${p.month}.${p.year} klo ${p.hour}.${pad(p.minute)}.${pad(p.second)}] ${speaker}: `;
    },
  },
];

/** The export's text: one header per message, its text's lines after it. */
export function render(style: Style, messages: readonly Written[], lineEnd = '\n'): string {
  return messages
    .map((m) => `${style.header(m.day, m.time, m.speaker)}${m.text}`.split('\n').join(lineEnd))
    .join(lineEnd);
}
