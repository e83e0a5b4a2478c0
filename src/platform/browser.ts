/**
 * The single import of webextension-polyfill in the code base (enforced by Biome import zones): every
 * other module reaches browser APIs through the typed helpers in src/platform.
 */
import browser from 'webextension-polyfill';

export default browser;
