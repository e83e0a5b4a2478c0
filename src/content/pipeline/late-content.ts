/**
 * Articles that arrive after the page loads (client-rendered sites, lazy sections): watch the
 * document for a short while, debounced, and ask for a re-run when its text has grown. The watch
 * stops itself — after a time limit or a number of re-runs — so no page pays for it for long.
 */

export interface LateContentOptions {
  /** Called when the text grew enough to be worth another look. */
  onGrowth: () => void;
  /** Nodes whose changes are ours (the overlay host) and never count. */
  ignore: (node: Node) => boolean;
  signal: AbortSignal;
  debounceMs?: number;
  lifetimeMs?: number;
  maxRuns?: number;
}

export function watchLateContent(doc: Document, opts: LateContentOptions): () => void {
  const { debounceMs = 600, lifetimeMs = 15000, maxRuns = 4 } = opts;
  let baseline = doc.body?.textContent?.length ?? 0;
  let runs = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    if (records.every((r) => opts.ignore(r.target))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const length = doc.body?.textContent?.length ?? 0;
      // A fifth more text, or a first article on an empty shell.
      if (length > baseline * 1.2 + 200) {
        baseline = length;
        runs++;
        opts.onGrowth();
        if (runs >= maxRuns) stop();
      }
    }, debounceMs);
  });
  const lifetime = setTimeout(() => stop(), lifetimeMs);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    clearTimeout(lifetime);
    // The pipeline's signal outlives many watches (one per navigation): let go of this one.
    opts.signal.removeEventListener('abort', stop);
  };
  if (doc.body) observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  opts.signal.addEventListener('abort', stop, { once: true });
  return stop;
}
