/** The in-page cards (DESIGN.md §1 "highlight + cards"): see mount.tsx. */

export { HOST_TAG } from './host';
export { mountOverlay, type OverlayOptions } from './mount';
export type { EditorModel, EditorStatus } from './save/NoteEditor';
export { type ButtonState, type EditorHandlers, mountSaveUi, type SaveUi } from './save/save-ui';
export type { ArticleInfo, OpenCard, OpenOptions, Overlay, OverlayItem, StepDirection } from './types';
