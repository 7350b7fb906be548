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
const ANY = '[^\\n]{1,400}';
/** What may follow a known beginning (`changed the subject from ... to ...`). */
const MORE = '[^\\n]{0,400}';

/** Lines that name who acted, first. */
const ACTED: readonly RegExp[] = [
  // English
  `${ACTOR} created (?:the )?group ${ANY}`,
  `${ACTOR} created this group`,
  `${ACTOR} added ${ANY}`,
  `${ACTOR} removed ${ANY}`,
  `${ACTOR} left`,
  `${ACTOR} joined using (?:this group['’]s|a group) invite link`,
  `${ACTOR} joined from the community`,
  `${ACTOR} changed (?:the subject|the group name|this group['’]s (?:icon|settings)|the group (?:description|icon)|their phone number)${MORE}`,
  `${ACTOR} (?:deleted|removed) this group['’]s icon`,
  `${ACTOR} turned (?:on|off) disappearing messages${MORE}`,
  `${ACTOR} updated the message timer${MORE}`,
  `${ACTOR} pinned a message`,
  `${ACTOR}['’]s security code changed${MORE}`,
  // German
  `${ACTOR} (?:hat|hast) (?:die Gruppe ${ANY}|diese Gruppe) erstellt\\.?`,
  `${ACTOR} (?:hat|hast) ${ANY} hinzugefügt\\.?`,
  `${ACTOR} (?:hat|hast) ${ANY} entfernt\\.?`,
  `${ACTOR} (?:hat|hast) die Gruppe verlassen\\.?`,
  `${ACTOR} (?:hat|hast) (?:den Betreff|den Gruppennamen|das Gruppenbild|die Gruppenbeschreibung)${MORE} geändert\\.?`,
  `${ACTOR} (?:ist|bist) über den Einladungslink dieser Gruppe beigetreten\\.?`,
  // Spanish
  `${ACTOR} creó (?:el grupo|este grupo)${MORE}`,
  `${ACTOR} añadió a ${ANY}`,
  `${ACTOR} eliminó a ${ANY}`,
  `${ACTOR} salió(?: del grupo)?\\.?`,
  `${ACTOR} cambió (?:el asunto|el nombre del grupo|la descripción del grupo|el ícono del grupo|la imagen del grupo)${MORE}`,
  `${ACTOR} se unió usando el enlace de invitación de este grupo\\.?`,
  // French
  `${ACTOR} a créé (?:le groupe|ce groupe)${MORE}`,
  `${ACTOR} a ajouté ${ANY}`,
  `${ACTOR} a retiré ${ANY}`,
  `${ACTOR} est parti(?:e|\\(e\\))?\\.?`,
  `${ACTOR} a modifié (?:le sujet|le nom du groupe|l['’]icône|la description)${MORE}`,
  // Portuguese
  `${ACTOR} criou (?:o grupo|este grupo)${MORE}`,
  `${ACTOR} adicionou ${ANY}`,
  `${ACTOR} removeu ${ANY}`,
  `${ACTOR} saiu\\.?`,
  `${ACTOR} mudou (?:o assunto|o nome do grupo|a descrição do grupo|a imagem do grupo)${MORE}`,
  // Italian
  `${ACTOR} ha creato (?:il gruppo|questo gruppo)${MORE}`,
  `${ACTOR} ha aggiunto ${ANY}`,
  `${ACTOR} ha rimosso ${ANY}`,
  `${ACTOR} è uscito\\.?`,
  // Dutch
  `${ACTOR} heeft (?:de )?groep ${ANY} gemaakt`,
  `${ACTOR} heeft ${ANY} toegevoegd`,
  `${ACTOR} heeft ${ANY} verwijderd`,
  `${ACTOR} heeft de groep verlaten`,
  // Japanese (the actor, then が)
  `${ACTOR}がグループ「${ANY}」を作成しました`,
  `${ACTOR}が${ANY}を追加しました`,
  `${ACTOR}が${ANY}を削除しました`,
  `${ACTOR}が退出しました`,
  `${ACTOR}がグループ(?:名|の件名|アイコン|の説明)${MORE}を変更しました`,
].map((source) => new RegExp(`^${source}$`));

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
  for (const pattern of ACTED) {
    const match = pattern.exec(text);
    if (match) return { actor: match.groups!.actor!.trim(), call: false };
  }
  return null;
}

/** Only the notices that name nobody and missed calls: cheap, for text anyone may have typed. */
export function matchNotice(text: string): SystemLine | null {
  for (const notice of NOTICES) if (text.startsWith(notice)) return { actor: '', call: false };
  for (const call of CALLS) if (text.startsWith(call)) return { actor: '', call: true };
  return null;
}
