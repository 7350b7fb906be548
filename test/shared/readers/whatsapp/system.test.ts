/**
 * System lines in each language the reader knows, written as iOS writes them (under the group's
 * name, after a U+200E mark), where the patterns alone tell an event from a message.
 */
import { describe, expect, it } from 'vitest';
import { messagesOf, readText } from './read';

/** [the line's text, who acted] */
const EVENTS: readonly (readonly [string, string])[] = [
  ['Ana Lima created group “Hill Walkers”', 'Ana Lima'],
  ['Ana Lima created this group', 'Ana Lima'],
  ['Ana Lima added Ben Okafor', 'Ana Lima'],
  ['You added Ben Okafor', 'You'],
  ['Ana Lima removed Ben Okafor', 'Ana Lima'],
  ['Ben Okafor left', 'Ben Okafor'],
  ["Ben Okafor joined using this group's invite link", 'Ben Okafor'],
  ['Ana Lima changed the subject to “Hill Walkers 2024”', 'Ana Lima'],
  ['Ana Lima changed the group description', 'Ana Lima'],
  ["Ana Lima changed this group's icon", 'Ana Lima'],
  ['Ana Lima deleted this group’s icon', 'Ana Lima'],
  [
    'Ana Lima turned on disappearing messages. New messages will disappear after 7 days.',
    'Ana Lima',
  ],
  ['Ana Lima pinned a message', 'Ana Lima'],
  ['Messages and calls are end-to-end encrypted. Learn more.', ''],
  ['Your security code with Ben Okafor changed. Tap to learn more.', ''],
  ['Jonas Weber hat die Gruppe „Wandergruppe“ erstellt', 'Jonas Weber'],
  ['Jonas Weber hat Ana Lima hinzugefügt', 'Jonas Weber'],
  ['Du hast Ana Lima entfernt', 'Du'],
  ['Ana Lima hat die Gruppe verlassen', 'Ana Lima'],
  ['Jonas Weber hat den Betreff von „Wandern“ zu „Wandergruppe“ geändert', 'Jonas Weber'],
  ['Lucía Prieto creó el grupo "Senderismo"', 'Lucía Prieto'],
  ['Lucía Prieto añadió a Ana Lima', 'Lucía Prieto'],
  ['Ana Lima salió del grupo', 'Ana Lima'],
  ['Lucía Prieto cambió el asunto de "Rutas" a "Senderismo"', 'Lucía Prieto'],
  ['Chloé Martin a créé le groupe « Randonnée »', 'Chloé Martin'],
  ['Chloé Martin a ajouté Ana Lima', 'Chloé Martin'],
  ['Ana Lima est parti(e)', 'Ana Lima'],
  ['João Silva criou o grupo "Trilhas"', 'João Silva'],
  ['João Silva adicionou Ana Lima', 'João Silva'],
  ['Ana Lima saiu', 'Ana Lima'],
  ['Giulia Rossi ha creato il gruppo "Escursioni"', 'Giulia Rossi'],
  ['Giulia Rossi ha aggiunto Ana Lima', 'Giulia Rossi'],
  ['Daan de Vries heeft Ana Lima toegevoegd', 'Daan de Vries'],
  ['Daan de Vries heeft de groep verlaten', 'Daan de Vries'],
  ['佐藤花子がグループ「山歩き」を作成しました', '佐藤花子'],
  ['佐藤花子がAna Limaを追加しました', '佐藤花子'],
  ['Ana Limaが退出しました', 'Ana Lima'],
];

describe('system lines', () => {
  it.each(EVENTS)('"%s" is an event of "%s"', (text, actor) => {
    const [message] = messagesOf(readText(`[14/03/2024, 10:00:00] Hill Walkers: \u200e${text}\n`));
    expect(message).toMatchObject({ kind: 'event', speaker: actor, text });
  });

  it('are events on Android too, where they have no name part, whatever the language', () => {
    const [message] = messagesOf(readText('14/03/2024, 10:00 - Ana Lima ändrade gruppens namn\n'));
    expect(message).toMatchObject({
      kind: 'event',
      speaker: '',
      text: 'Ana Lima ändrade gruppens namn',
    });
  });

  it('are not the same words typed by a person (no mark before them)', () => {
    for (const [text] of EVENTS.slice(0, 13)) {
      const [message] = messagesOf(readText(`[14/03/2024, 10:00:00] Ben Okafor: ${text}\n`));
      expect(message!.kind, text).toBeUndefined();
      expect(message!.speaker).toBe('Ben Okafor');
    }
  });
});
