/**
 * Styles of the Save button, the note editor and the toast, adopted in the cards' shadow root with
 * OVERLAY_CSS (shared-host.ts). Nothing here uses opacity, filters or transforms on the button or its
 * ancestors: the click check (content/pipeline/click-guard.ts) and the browser's occlusion tracking
 * read those as signs that the page is hiding our UI.
 */
export const SAVE_CSS = `
.save-button, .note-editor, .save-toast, .saved-note {
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --soft: #f4f6f8; --focus: #0b57d0;
  --accent: #2563eb; --accent-fg: #ffffff; --bad-fg: #b91c1c;
  box-sizing: border-box; pointer-events: auto; margin: 0;
  font: 400 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  text-align: start; letter-spacing: normal; word-spacing: normal; text-transform: none; white-space: normal;
  -webkit-font-smoothing: antialiased;
}
@media (prefers-color-scheme: dark) {
  .save-button, .note-editor, .save-toast, .saved-note {
    --bg: #1f2329; --fg: #e8ecf1; --muted: #a5afbb; --line: #3b434d; --soft: #2a3038; --focus: #8ab4f8;
    --accent: #3b82f6; --accent-fg: #ffffff; --bad-fg: #fca5a5;
  }
}
button.save-button {
  position: fixed; top: 0; left: 0; height: 30px; min-width: 0; padding: 0 12px; gap: 6px;
  border-radius: 15px; background: var(--accent); color: var(--accent-fg); border: 1px solid rgba(0, 0, 0, 0.15);
  font: 600 13px/1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; white-space: nowrap;
  box-shadow: 0 4px 12px rgba(0, 0, 0, 0.25);
}
button.save-button:hover { background: #1d4ed8; }
button.save-button:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.save-button.measuring, .note-editor.measuring, .saved-note.measuring { visibility: hidden; }
.note-editor {
  position: fixed; top: 0; left: 0; display: flex; flex-direction: column; max-width: 100vw; overflow: hidden;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-left: 4px solid var(--accent);
  border-radius: 10px; box-shadow: 0 10px 30px rgba(0, 0, 0, 0.22), 0 2px 6px rgba(0, 0, 0, 0.12);
}
.note-editor.panel { border-radius: 0; border-left-width: 1px; border-top: 4px solid var(--accent); }
.note-editor:focus { outline: none; }
.note-editor .head { border-bottom: 1px solid var(--line); }
.note-editor .state { font-weight: 600; font-size: 13px; }
.note-editor .state-failed { color: var(--bad-fg); }
.note-editor form { display: grid; gap: 8px; padding: 10px 12px 12px; overflow: auto; min-height: 0; }
.note-editor .saved-quote {
  margin: 0; padding-inline-start: 8px; border-inline-start: 3px solid var(--line); font-size: 13px; color: var(--muted);
  overflow-wrap: anywhere;
}
.note-editor label { display: grid; gap: 3px; font-size: 12px; font-weight: 600; color: var(--muted); }
.note-editor textarea, .note-editor input {
  all: unset; box-sizing: border-box; width: 100%; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px;
  background: var(--bg); color: var(--fg); font: 400 14px/1.4 system-ui, sans-serif; cursor: text;
  white-space: pre-wrap; overflow-wrap: anywhere; user-select: text;
}
.note-editor textarea { min-height: 4.5em; resize: vertical; }
.note-editor textarea:focus-visible, .note-editor input:focus-visible { outline: 2px solid var(--focus); outline-offset: 0; }
.note-editor .error { margin: 0; color: var(--bad-fg); font-weight: 600; font-size: 13px; }
.note-editor .actions { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.note-editor button.primary {
  font-size: 13px; padding: 0 12px; background: var(--accent); color: var(--accent-fg); border-radius: 6px;
}
.note-editor button.primary[disabled] { cursor: default; background: var(--muted); }
.note-editor button.secondary { font-size: 13px; padding: 0 10px; border: 1px solid var(--line); border-radius: 6px; }
.note-editor .keys { margin-inline-start: auto; color: var(--muted); font-size: 12px; }
.save-toast {
  position: fixed; bottom: 16px; left: 8px; right: 8px; width: fit-content; max-width: calc(100vw - 16px);
  margin: 0 auto; padding: 8px 14px; border-radius: 8px; background: var(--fg); color: var(--bg);
  box-shadow: 0 6px 18px rgba(0, 0, 0, 0.25); font-size: 13px; font-weight: 600; overflow-wrap: anywhere;
}
.saved-note {
  position: fixed; top: 0; left: 0; display: flex; flex-direction: column; overflow: hidden;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-left: 4px solid var(--accent);
  border-radius: 10px; box-shadow: 0 8px 24px rgba(0, 0, 0, 0.2);
}
.saved-note .head { border-bottom: 1px solid var(--line); }
.saved-note .state { font-size: 12px; font-weight: 600; color: var(--muted); }
.saved-note-body { padding: 8px 12px 10px; overflow: auto; min-height: 0; display: grid; gap: 6px; }
.saved-note-text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.saved-tags { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px; }
.saved-tags li { padding: 1px 8px; border-radius: 999px; background: var(--soft); border: 1px solid var(--line); font-size: 12px; }
`;
