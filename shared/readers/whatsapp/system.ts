/**
 * The lines WhatsApp writes itself: the encryption notice, a group created, people added,
 * removed or leaving, a new subject or icon, missed calls. They are read as events. Android
 * writes them without a `Name:` part (any such line is an event, these patterns only find who
 * acted); iOS writes them after the chat's name and a U+200E mark (`Trail Club: ‎Ana Lima added
 * Ben Okafor`), so there the patterns are what tells an event from a message.
 *
 * English, German, Spanish, French, Portuguese, Italian, Dutch and Japanese. Every pattern is
 * anchored and its parts are bounded, and only short lines are tried, so none can backtrack far.
 */

/** System lines are short; longer text is never tried. */
const LONGEST = 600;

/** Notices that name nobody. */
const NOTICES: readonly string[] = [
  'Messages and calls are end-to-end encrypted',
  'Messages to this group are now secured with end-to-end encryption',
  'Messages to this chat and calls are now secured with end-to-end encryption',
  'Messages you send to this group are now secured with end-to-end encryption',
  'Messages you send to this chat and calls are now secured with end-to-end encryption',
  'Your security code with',
  'You were added',
  "You're now an admin",
  'You’re now an admin',
  'This chat is with a business account',
  'Disappearing messages were turned',
  'Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt',
  'Los mensajes y las llamadas están cifrados de extremo a extremo',
  'Les messages et les appels sont chiffrés de bout en bout',
  'As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta',
  'As mensagens e chamadas são encriptadas ponto a ponto',
  'I messaggi e le chiamate sono crittografati end-to-end',
  'Berichten en gesprekken worden end-to-end versleuteld',
  'メッセージと通話はエンドツーエンド暗号化されています',
];

/** Who acted: a name, without a colon (that would make it a message's `Name: text`). */
const ACTOR = '(?<actor>[^:\\n]{1,100}?)';
/** Free text inside a system line; as long as the line may be, so that a match never backtracks. */
const ANY = `[^\\n]{1,${LONGEST}}`;
/** What may follow a known beginning (`changed the subject from ... to ...`). */
const MORE = `[^\\n]{0,${LONGEST}}`;

interface Acted {
  pattern: RegExp;
  /** The fixed end of the line (a final full stop aside), checked before the pattern. */
  ending: string;
}

/**
 * A system line `ACTOR` + `body` + `ending` (+ an optional full stop). A line without the fixed
 * ending is refused before the actor is tried at every length, which, with free text between
 * actor and ending, would cost a scan of the line each time.
 */
function acted(body: string, ending = ''): Acted {
  return { pattern: new RegExp(`^${ACTOR}${body}${ending}\\.?$`), ending };
}

/** Lines that name who acted, first. */
const ACTED: readonly Acted[] = [
  // English
  acted(` created (?:the )?group ${ANY}`),
  acted(` created this group`),
  acted(` added ${ANY}`),
  acted(` removed ${ANY}`),
  acted(` left`),
  acted(` joined using (?:this group['’]s|a group) invite link`),
  acted(` joined from the community`),
  acted(
    ` changed (?:the subject|the group name|this group['’]s (?:icon|settings)|the group (?:description|icon)|their phone number)${MORE}`,
  ),
  acted(` (?:deleted|removed) this group['’]s icon`),
  acted(` turned (?:on|off) disappearing messages${MORE}`),
  acted(` updated the message timer${MORE}`),
  acted(` pinned a message`),
  acted(`['’]s security code changed${MORE}`),
  // German
  acted(` (?:hat|hast) (?:die Gruppe ${ANY}|diese Gruppe) `, 'erstellt'),
  acted(` (?:hat|hast) ${ANY} `, 'hinzugefügt'),
  acted(` (?:hat|hast) ${ANY} `, 'entfernt'),
  acted(` (?:hat|hast) die Gruppe verlassen`),
  acted(
    ` (?:hat|hast) (?:den Betreff|den Gruppennamen|das Gruppenbild|die Gruppenbeschreibung)${MORE} `,
    'geändert',
  ),
  acted(` (?:ist|bist) über den Einladungslink dieser Gruppe beigetreten`),
  // Spanish
  acted(` creó (?:el grupo|este grupo)${MORE}`),
  acted(` añadió a ${ANY}`),
  acted(` eliminó a ${ANY}`),
  acted(` salió(?: del grupo)?`),
  acted(
    ` cambió (?:el asunto|el nombre del grupo|la descripción del grupo|el ícono del grupo|la imagen del grupo)${MORE}`,
  ),
  acted(` se unió usando el enlace de invitación de este grupo`),
  // French
  acted(` a créé (?:le groupe|ce groupe)${MORE}`),
  acted(` a ajouté ${ANY}`),
  acted(` a retiré ${ANY}`),
  acted(` est parti(?:e|\\(e\\))?`),
  acted(` a modifié (?:le sujet|le nom du groupe|l['’]icône|la description)${MORE}`),
  // Portuguese
  acted(` criou (?:o grupo|este grupo)${MORE}`),
  acted(` adicionou ${ANY}`),
  acted(` removeu ${ANY}`),
  acted(` saiu`),
  acted(` mudou (?:o assunto|o nome do grupo|a descrição do grupo|a imagem do grupo)${MORE}`),
  // Italian
  acted(` ha creato (?:il gruppo|questo gruppo)${MORE}`),
  acted(` ha aggiunto ${ANY}`),
  acted(` ha rimosso ${ANY}`),
  acted(` è uscito`),
  // Dutch
  acted(` heeft (?:de )?groep ${ANY} `, 'gemaakt'),
  acted(` heeft ${ANY} `, 'toegevoegd'),
  acted(` heeft ${ANY} `, 'verwijderd'),
  acted(` heeft de groep verlaten`),
  // Japanese (the actor, then が)
  acted(`がグループ「${ANY}`, '」を作成しました'),
  acted(`が${ANY}`, 'を追加しました'),
  acted(`が${ANY}`, 'を削除しました'),
  acted(`が退出しました`),
  acted(`がグループ(?:名|の件名|アイコン|の説明)${MORE}`, 'を変更しました'),
];

/** What the line's own speaker did rather than said (iOS writes these after the caller's name). */
const CALLS: readonly string[] = [
  'Missed voice call',
  'Missed video call',
  'Missed group voice call',
  'Missed group video call',
  'Verpasster Sprachanruf',
  'Verpasster Videoanruf',
  'Llamada perdida',
  'Videollamada perdida',
  'Appel vocal manqué',
  'Appel vidéo manqué',
  'Chamada de voz perdida',
  'Chamada de vídeo perdida',
];

/** The first characters of notices and calls, to pass over other text at once. */
const NOTICE_STARTS = new Set([...NOTICES, ...CALLS].map((words) => words.charAt(0)));

export interface SystemLine {
  /** Who acted, as written ('' for notices; `You` when the exporter acted). */
  actor: string;
  /** Whether the line is a call of the message's own speaker rather than a group event. */
  call: boolean;
}

/** The system line `text` is (already without marks and odd spaces), or null. */
export function matchSystemLine(text: string): SystemLine | null {
  const notice = matchNotice(text);
  if (notice !== null || text.length > LONGEST) return notice;
  const end = text.endsWith('.') ? text.length - 1 : text.length;
  for (const { pattern, ending } of ACTED) {
    if (ending !== '' && !text.endsWith(ending, end)) continue;
    const match = pattern.exec(text);
    if (match) return { actor: match.groups!.actor!.trim(), call: false };
  }
  return null;
}

/** Only the notices that name nobody and missed calls: cheap, for text anyone may have typed. */
export function matchNotice(text: string): SystemLine | null {
  if (!NOTICE_STARTS.has(text.charAt(0))) return null;
  for (const notice of NOTICES) if (text.startsWith(notice)) return { actor: '', call: false };
  for (const call of CALLS) if (text.startsWith(call)) return { actor: '', call: true };
  return null;
}
