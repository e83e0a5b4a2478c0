/** The in-page cards (DESIGN.md §1 "highlight + cards"): see mount.tsx. */

export { HOST_TAG } from './host';
export { mountOverlay, type OverlayOptions } from './mount';
export type { EditorModel, EditorStatus } from './save/NoteEditor';
export type { SavedNoteModel } from './save/SavedNote';
export { type ButtonState, type EditorHandlers, mountSaveUi, type SaveUi } from './save/save-ui';
export { mountSavedNote, type SavedNoteUi } from './save/saved-note-ui';
export { sharedHost } from './shared-host';
export type { ArticleInfo, OpenCard, OpenOptions, Overlay, OverlayItem, StepDirection } from './types';
