/**
 * The HTML export's style sheet, inline in the page (the page fetches nothing). WeChat's look:
 * grey background, white bubbles with a small tail on the left, green ones on the right for "me",
 * rounded-square avatars, centred time and day dividers. Printing keeps the bubbles' colours,
 * never splits a message across pages, and drops the background.
 */
import { AVATAR_COLORS } from '../avatar';

/** One class per avatar colour, from the palette the app uses. */
const AVATAR_CLASSES = AVATAR_COLORS.map(
  (color, index) => `.color-${index} { background: ${color}; }`,
).join('\n');

export const EXPORT_STYLE = `
:root {
  --page: #ededed;
  --bubble: #ffffff;
  --mine: #95ec69;
  --ink: #191919;
  --muted: #8c8c8c;
  --line: #dcdcdc;
  --link: #576b95;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui,
    sans-serif;
  font-size: 15px;
  line-height: 1.5;
  color: var(--ink);
  background: var(--page);
}
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 16px 40px; }
.cover, main, footer { max-width: 760px; margin: 0 auto; }
.cover {
  background: var(--bubble);
  border-radius: 10px;
  padding: 20px 24px 18px;
  margin-bottom: 24px;
  box-shadow: 0 1px 2px rgba(0, 0, 0, 0.06);
}
.kicker { margin: 0; color: var(--muted); font-size: 12px; letter-spacing: 0.08em; text-transform: uppercase; }
h1 { margin: 4px 0 2px; font-size: 24px; font-weight: 600; overflow-wrap: anywhere; }
.source { margin: 0; color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
.facts { display: flex; flex-wrap: wrap; gap: 8px 28px; margin: 14px 0 0; }
.facts div { min-width: 0; }
.facts dt { color: var(--muted); font-size: 12px; }
.facts dd { margin: 0; font-variant-numeric: tabular-nums; }
.people { list-style: none; display: flex; flex-wrap: wrap; gap: 6px; margin: 16px 0 0; padding: 14px 0 0; border-top: 1px solid var(--line); }
.people li { background: #f4f4f4; border-radius: 14px; padding: 2px 10px; font-size: 13px; overflow-wrap: anywhere; }
.people .aliases { color: var(--muted); }
.people .count { color: var(--muted); font-variant-numeric: tabular-nums; }
.people .count::before { content: "· "; }
.conversation-title { margin: 28px 0 8px; font-size: 18px; font-weight: 600; overflow-wrap: anywhere; }
.day { text-align: center; margin: 22px 0 6px; font-size: 13px; font-weight: 600; }
.day span { display: inline-block; background: #dadada; color: #4c4c4c; border-radius: 4px; padding: 2px 10px; }
.gap { text-align: center; color: var(--muted); font-size: 12px; margin: 14px 0 6px; }
.message { display: flex; gap: 10px; align-items: flex-start; margin: 10px 0; }
.avatar {
  flex: none; width: 40px; height: 40px; border-radius: 6px;
  display: flex; align-items: center; justify-content: center;
  color: #fff; font-size: 17px; font-weight: 600;
}
${AVATAR_CLASSES}
.body { min-width: 0; max-width: calc(100% - 100px); display: flex; flex-direction: column; align-items: flex-start; }
.meta { margin: 0 0 3px; font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
.meta time { margin-left: 8px; font-variant-numeric: tabular-nums; }
.anonymous .meta time { margin-left: 0; }
.anonymous .body { margin-left: 50px; }
.bubble {
  position: relative; background: var(--bubble); border-radius: 6px; padding: 8px 12px;
  white-space: pre-wrap; overflow-wrap: anywhere; word-break: normal; max-width: 100%;
}
.bubble::before {
  content: ""; position: absolute; top: 12px; left: -5px; width: 10px; height: 10px;
  background: inherit; transform: rotate(45deg); border-radius: 1px;
}
.anonymous .bubble::before { display: none; }
.mine { flex-direction: row-reverse; }
.mine .body { align-items: flex-end; }
.mine .bubble { background: var(--mine); }
.mine .bubble::before { left: auto; right: -5px; }
.bubble a { color: var(--link); text-decoration: none; border-bottom: 1px solid rgba(87, 107, 149, 0.35); }
.mention { color: var(--link); }
.emoji { font-family: "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", sans-serif; }
.file { display: inline-block; border: 1px solid var(--line); border-radius: 4px; padding: 0 6px; background: #fafafa; }
.file::before { content: "\\1F4C4\\FE0E  "; color: var(--muted); }
.empty { color: var(--muted); font-style: italic; }
.picture { display: block; max-width: min(100%, 360px); max-height: 480px; border-radius: 4px; }
.placeholder {
  display: inline-flex; flex-direction: column; gap: 2px; max-width: 100%; vertical-align: top;
  border: 1px dashed #b8b8b8; border-radius: 6px; padding: 8px 12px; background: #f7f7f7;
  color: #4c4c4c; font-size: 13px; white-space: normal;
}
.placeholder-label::before { content: "\\1F5BC\\FE0E  "; }
.placeholder-source { color: var(--muted); font-size: 11px; overflow-wrap: anywhere; }
a.placeholder { color: var(--link); border-bottom: 1px dashed #b8b8b8; }
.meta .mark { margin-left: 8px; }
a.mark { color: var(--link); text-decoration: none; }
.reply {
  display: block; max-width: 100%; margin: 0 0 4px; padding: 3px 8px; border-left: 3px solid #c9c9c9;
  border-radius: 3px; background: rgba(0, 0, 0, 0.04); color: #5c5c5c; font-size: 13px;
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap; text-decoration: none;
}
a.reply:hover { background: rgba(0, 0, 0, 0.07); }
.reply-speaker { font-weight: 600; margin-right: 6px; }
.reply.missing { font-style: italic; }
.forwarded { display: block; color: var(--muted); font-size: 12px; margin-bottom: 2px; }
.bubble strong { font-weight: 700; }
.bubble code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.92em; background: rgba(0, 0, 0, 0.06); border-radius: 3px; padding: 0 3px; }
.bubble code.pre { display: block; padding: 6px 8px; margin: 2px 0; overflow-wrap: anywhere; }
.quote { color: #5c5c5c; border-left: 3px solid #c9c9c9; padding-left: 6px; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.spoiler { background: #4c4c4c; color: transparent; border-radius: 3px; }
.spoiler:hover { color: inherit; background: rgba(0, 0, 0, 0.08); }
.event { text-align: center; margin: 10px 0; }
.event p {
  display: inline-block; max-width: 80%; margin: 0; padding: 2px 10px; border-radius: 4px;
  background: #dadada; color: #4c4c4c; font-size: 12px; overflow-wrap: anywhere; white-space: pre-wrap;
}
.event time { color: #8c8c8c; margin-left: 4px; font-variant-numeric: tabular-nums; }
.event .reply { display: inline; margin: 0 0 0 4px; padding: 0; border: none; background: none; font-size: 12px; white-space: normal; }
.event .reply-text::before { content: "“"; }
.event .reply-text::after { content: "”"; }
.event .forwarded { display: inline; font-size: 12px; }
.event .mark { margin-left: 6px; }
.event .attachments, .event .link-cards { align-items: center; }
.event .reactions { justify-content: center; }
.attachments, .link-cards { display: flex; flex-direction: column; align-items: inherit; gap: 6px; margin-top: 6px; max-width: 100%; }
.meta + .attachments, .reply + .attachments { margin-top: 0; }
img.attachment { display: block; height: auto; border-radius: 4px; }
img.attachment.picture { max-width: min(100%, 360px); max-height: 480px; width: auto; }
img.attachment.sticker { max-width: 160px; max-height: 160px; width: auto; }
.file-card {
  display: grid; grid-template-columns: auto 1fr; column-gap: 10px; align-items: center;
  min-width: 220px; max-width: 100%; padding: 8px 12px; border-radius: 6px; background: var(--bubble);
  color: var(--ink); text-decoration: none;
}
.file-icon { grid-row: span 2; font-size: 24px; font-family: "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", sans-serif; }
.file-name { font-size: 14px; overflow-wrap: anywhere; }
.file-facts { font-size: 12px; color: var(--muted); }
a.file-card .file-name { color: var(--link); }
.link-card {
  display: flex; flex-direction: column; gap: 1px; max-width: 360px; padding: 6px 10px;
  border-left: 3px solid var(--link); border-radius: 4px; background: var(--bubble);
  color: var(--ink); text-decoration: none; font-size: 13px; overflow-wrap: anywhere;
}
.card-title { font-weight: 600; color: var(--link); }
.card-description { color: #4c4c4c; }
.card-url { color: var(--muted); font-size: 11px; }
.reactions { list-style: none; display: flex; flex-wrap: wrap; gap: 4px; margin: 4px 0 0; padding: 0; }
.reactions li {
  display: inline-flex; align-items: center; gap: 3px; padding: 0 8px; border-radius: 12px;
  background: #ffffff; border: 1px solid var(--line); font-size: 13px; line-height: 22px;
}
.reactions .count { color: #4c4c4c; font-variant-numeric: tabular-nums; }
.thread { margin: 3px 0 0; font-size: 12px; color: var(--link); }
.nothing, footer { text-align: center; color: var(--muted); font-size: 12px; }
footer { margin-top: 32px; }

@media print {
  :root { background: #fff; font-size: 11pt; }
  @page { margin: 14mm 12mm; }
  body { padding: 0; }
  .cover { box-shadow: none; border: 1px solid var(--line); break-after: avoid; }
  .cover, .day span, .avatar, .bubble, .people li, .placeholder, .file, .event p, .reply,
  .file-card, .link-card, .reactions li, .bubble code {
    -webkit-print-color-adjust: exact; print-color-adjust: exact;
  }
  .bubble { border: 1px solid #e2e2e2; }
  .mine .bubble { border-color: #7fd057; }
  .bubble::before { display: none; }
  .message, .event { break-inside: avoid; page-break-inside: avoid; }
  .file-card, .link-card { border: 1px solid #e2e2e2; }
  /* On paper there is no hovering: a spoiler shows its words, marked as hidden in the chat. */
  .spoiler { color: inherit; background: none; text-decoration: underline dotted; }
  .day, .gap, .conversation-title { break-after: avoid; page-break-after: avoid; }
  .bubble a { border-bottom: none; text-decoration: underline; }
}
`;
