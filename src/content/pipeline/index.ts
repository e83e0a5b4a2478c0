/**
 * The pipeline's entry: injected by the background (scripting.executeScript) into pages the gate
 * picked. Injected again into the same document, it re-runs instead of starting twice.
 */
import { loadedPipeline, registerPipeline } from './handle';
import { startPipeline } from './pipeline';

const existing = loadedPipeline();
if (existing) existing.rerun();
else registerPipeline(startPipeline());
