/**
 * Writes a synthetic Telegram Desktop full export (`result.json`) of N messages (a million by
 * default) for timing: fictional people, Chinese and English text, and in roughly the
 * proportions of a real account's export, entity arrays, replies, forwards, edits, photos,
 * stickers, voice messages, files "not included" and service messages, over 40 chats (a few
 * large groups hold most messages). The layout is Telegram's own: one-space indents, each
 * message an object of its own lines. Deterministic: the same N gives the same bytes.
 *
 *   npx esbuild test/bench/telegram-export.ts --bundle --platform=node --format=cjs \
 *     --outfile=dist/telegram-export.js && node dist/telegram-export.js <folder> [messages]
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const NOT_INCLUDED = '(File not included. Change data exporting settings to download.)';
const PEOPLE = [
  'Ana Lima',
  'Ben Okafor',
  '林小溪',
  '周远山',
  'Carla Mendes',
  '陈一舟',
  'Dana Reyes',
  '王晓雨',
  'Eli Novak',
  '李青禾',
  'Farah Haddad',
  '赵星河',
];
const CHINESE = [
  '周六爬山，七点在北门集合',
  '路线规划我发群里了，大家看一下',
  '天气预报说周末有雨，要不要改期？',
  '我带了三瓶水和一些干粮',
  '这条路线大概十五公里，中间有两个补给点',
  '收到！',
  '上次的照片已经整理好了',
  '新人欢迎一下 [握手]',
  '登山杖记得带，下坡很滑',
  '我们在半山腰的亭子等你们',
];
const ENGLISH = [
  'Running ten minutes late, start without me',
  'The ridge trail is closed until May',
  'Does anyone have a spare headlamp?',
  'Great hike today, thanks everyone!',
  'I uploaded the GPX track to the shared folder',
  'Sounds good',
  'Bus leaves at 6:40 from the station',
  'Weather looks fine for Saturday',
  'Who is bringing the first-aid kit?',
  'See you at the trailhead',
];

/** A small deterministic generator (mulberry32), so every run writes the same export. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (value: number) => String(value).padStart(2, '0');
function stamp(seconds: number): string {
  const date = new Date(seconds * 1000);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

interface Chat {
  name: string;
  type: string;
  id: number;
  messages: number;
}

function chats(total: number): Chat[] {
  const list: Chat[] = [];
  // Four large groups take 80% of the messages; 36 smaller chats share the rest.
  const groups = ['山野社 TrailClub', 'Weekend Walkers', '城市徒步群', 'Ridge Runners'];
  let left = total;
  for (const [index, name] of groups.entries()) {
    const count = Math.floor(total * 0.2);
    list.push({ name, type: 'private_supergroup', id: 1_900_000_000 + index, messages: count });
    left -= count;
  }
  for (let index = 0; index < 36; index++) {
    const count = index === 35 ? left : Math.floor((total * 0.2) / 36);
    const person = PEOPLE[index % PEOPLE.length]!;
    list.push({
      name: `${person} ${index}`,
      type: 'personal_chat',
      id: 1000 + index,
      messages: count,
    });
    left -= count;
  }
  return list;
}

function message(id: number, seconds: number, next: () => number): Record<string, unknown> {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const person = pick(PEOPLE);
  const date = { id, type: 'message', date: stamp(seconds), date_unixtime: String(seconds) };
  const roll = next();
  if (roll < 0.02) {
    const action = pick(['invite_members', 'pin_message', 'join_group_by_link']);
    return {
      ...date,
      type: 'service',
      actor: person,
      actor_id: `user${PEOPLE.indexOf(person) + 1000}`,
      action,
      ...(action === 'invite_members' ? { members: [pick(PEOPLE)] } : {}),
      ...(action === 'pin_message' ? { message_id: Math.max(1, id - 5) } : {}),
      text: '',
      text_entities: [],
    };
  }
  const text = next() < 0.55 ? pick(CHINESE) : pick(ENGLISH);
  const result: Record<string, unknown> = {
    ...date,
    from: person,
    from_id: `user${PEOPLE.indexOf(person) + 1000}`,
  };
  if (next() < 0.03)
    Object.assign(result, { edited: stamp(seconds + 60), edited_unixtime: String(seconds + 60) });
  if (next() < 0.1 && id > 1) result.reply_to_message_id = id - 1 - Math.floor(next() * 20);
  if (next() < 0.02) result.forwarded_from = pick(PEOPLE);
  const media = next();
  if (media < 0.04) {
    Object.assign(result, {
      photo: `photos/photo_${id}@${stamp(seconds)}.jpg`,
      width: 1280,
      height: 960,
    });
  } else if (media < 0.05) {
    Object.assign(result, {
      file: `stickers/sticker_${id % 50}.webp`,
      media_type: 'sticker',
      sticker_emoji: '👍',
      width: 512,
      height: 512,
    });
  } else if (media < 0.06) {
    Object.assign(result, {
      file: `voice_messages/audio_${id}.ogg`,
      media_type: 'voice_message',
      mime_type: 'audio/ogg',
      duration_seconds: 4 + Math.floor(next() * 40),
    });
  } else if (media < 0.065) {
    Object.assign(result, {
      file: NOT_INCLUDED,
      file_name: '路线规划.pdf',
      mime_type: 'application/pdf',
    });
  }
  if (next() < 0.05) {
    const parts = [
      { type: 'plain', text: `${text} ` },
      { type: 'bold', text: '重要' },
      { type: 'plain', text: ' see ' },
      { type: 'text_link', text: 'the map', href: 'https://example.org/map' },
      { type: 'plain', text: ' ' },
      { type: 'mention', text: '@trailclub_bot' },
    ];
    result.text = parts.map((part) => (part.type === 'plain' ? part.text : part));
    result.text_entities = parts;
  } else {
    result.text = text;
    result.text_entities = [{ type: 'plain', text }];
  }
  return result;
}

/** Indents Telegram's way: one space per level, the message objects at level 5. */
function indented(value: unknown, level: number): string {
  const prefix = ' '.repeat(level);
  return JSON.stringify(value, null, 1).replace(/\n/g, `\n${prefix}`);
}

export interface WrittenExport {
  path: string;
  bytes: number;
  messages: number;
  chats: number;
}

export function writeTelegramExport(folder: string, total = 1_000_000): WrittenExport {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'result.json');
  const file = openSync(path, 'w');
  let bytes = 0;
  const write = (text: string) => {
    bytes += writeSync(file, text);
  };
  const next = random(20240304);
  const list = chats(total);
  try {
    write(
      `{\n "about": "Here is the data you requested. Remember: Telegram is ad free, it doesn't sell your data.",\n "personal_information": ${indented({ user_id: 1000, first_name: 'Ana', last_name: 'Lima', phone_number: '+00 000 000 0000' }, 1)},\n "chats": {\n  "about": "This page lists all chats from this export.",\n  "list": [`,
    );
    let seconds = Date.UTC(2019, 0, 1) / 1000;
    for (const [chatIndex, chat] of list.entries()) {
      write(
        `${chatIndex === 0 ? '' : ','}\n   {\n    "name": ${JSON.stringify(chat.name)},\n    "type": "${chat.type}",\n    "id": ${chat.id},\n    "messages": [`,
      );
      let block = '';
      for (let id = 1; id <= chat.messages; id++) {
        seconds += 1 + Math.floor(next() * 120);
        block += `${id === 1 ? '' : ','}\n     ${indented(message(id, seconds, next), 5)}`;
        if (block.length > 1 << 20) {
          write(block);
          block = '';
        }
      }
      write(`${block}\n    ]\n   }`);
      seconds -= Math.floor(chat.messages * 55);
    }
    write('\n  ]\n }\n}\n');
  } finally {
    closeSync(file);
  }
  return { path, bytes, messages: total, chats: list.length };
}

// Run as a script of its own (not when bundled into another one, such as telegram-read.ts).
if (/telegram-export\.[cm]?js$/.test(process.argv[1] ?? '')) {
  const [folder, count] = process.argv.slice(2);
  if (!folder) {
    process.stderr.write('usage: telegram-export <folder> [messages]\n');
    process.exit(2);
  }
  const written = writeTelegramExport(folder, count ? Number(count) : undefined);
  process.stdout.write(
    `${written.path}: ${written.messages.toLocaleString('en-US')} messages in ${written.chats} chats, ${Math.round(written.bytes / 1024 / 1024)} MB\n`,
  );
}
