/**
 * The names WhatsApp gives its exports, which carry the chat's name: `WhatsApp Chat with Bob
 * Example.txt` (Android), `WhatsApp Chat - Trail Club.zip` holding `_chat.txt` (iOS), and the
 * same in the phone's language (`WhatsApp Chat mit …`, `Chat de WhatsApp con …`).
 */
import { baseName, ZIP_SEPARATOR } from '../paths';

const CHAT_NAMES: readonly RegExp[] = [
  /^WhatsApp Chat (?:with|-|–|mit|met|med|con|avec|com|z|s) (.+)$/i,
  /^WhatsApp-Chat (?:mit|met|med) (.+)$/i,
  /^Chat de WhatsApp con (.+)$/i,
  /^Conversa do WhatsApp com (.+)$/i,
  /^Discussion WhatsApp avec (.+)$/i,
  /^Chat WhatsApp (?:con|s uživatelem|s) (.+)$/i,
  /^Czat WhatsApp z (.+)$/i,
  /^Чат WhatsApp с (?:контактом )?(.+)$/i,
  /^(.+)とのWhatsAppチャット$/,
];

/** iOS names the chat in its zip so. */
const IOS_CHAT = '_chat.txt';

/** The chat's name a file name gives (`WhatsApp Chat with Bob (1).txt` -> `Bob`), or null. */
function chatNameOf(fileName: string): string | null {
  const stem = fileName.replace(/\.(txt|zip)$/i, '').replace(/ \(\d{1,4}\)$/, '');
  for (const pattern of CHAT_NAMES) {
    const match = pattern.exec(stem);
    if (match) {
      const name = match[1]!.trim();
      if (name !== '') return name;
    }
  }
  return null;
}

/**
 * The chat's name from the path of its file: the file's own name, or for `_chat.txt` (or any
 * chat) in a zip, the zip's name. Null when neither says.
 */
export function chatTitle(path: string): string | null {
  const own = chatNameOf(baseName(path));
  if (own !== null) return own;
  const zip = path.indexOf(ZIP_SEPARATOR);
  return zip === -1 ? null : chatNameOf(baseName(path.slice(0, zip)));
}

/** Whether the path is named as WhatsApp names its exports. */
export function hasWhatsAppName(path: string): boolean {
  return chatTitle(path) !== null || baseName(path) === IOS_CHAT;
}
