/**
 * How the always-injected gate finds the pipeline once the background has loaded it: both run in the
 * extension's isolated world, which the page cannot see, so a global keyed by a registered symbol is
 * private to us.
 */
export const PIPELINE_KEY = Symbol.for('nso-lens.pipeline');

export interface PipelineHandle {
  /** Runs extraction and matching again (a same-document navigation, a settings change). */
  rerun(): void;
  destroy(): void;
}

export function loadedPipeline(): PipelineHandle | undefined {
  return (globalThis as Record<symbol, PipelineHandle | undefined>)[PIPELINE_KEY];
}

export function registerPipeline(handle: PipelineHandle | undefined): void {
  (globalThis as Record<symbol, PipelineHandle | undefined>)[PIPELINE_KEY] = handle;
}
