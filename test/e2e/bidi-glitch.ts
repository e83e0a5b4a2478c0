/**
 * Firefox's WebDriver BiDi now and then fails one call of Puppeteer's selector polling in an
 * extension page with an Xray error (seen only with the machine loaded); the page is fine. The
 * Firefox drivers wait through it (launch-firefox.ts) and the e2e config ignores its unawaited copy.
 * No imports: the vitest config loads this file too.
 */
export function isBidiXrayGlitch(error: unknown): boolean {
  // An Error from Puppeteer, or the plain object Vitest hands an unhandled error over as.
  const e =
    typeof error === 'object' && error !== null ? (error as { message?: unknown; cause?: unknown }) : null;
  const text = e ? `${String(e.message ?? '')} ${String(e.cause ?? '')}` : String(error);
  return text.includes('Not allowed to define cross-origin object as property on');
}
