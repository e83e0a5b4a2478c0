/** Library page entry (library.html, a normal tab at chrome-extension://ID/ or moz-extension://UUID/). */
import { render } from 'preact';
import { t, uiLanguage } from '../../platform/i18n';
import { Library } from './Library';
import './library.css';

document.documentElement.lang = uiLanguage();
document.title = t('libraryPageTitle');
const app = document.getElementById('app');
if (app) render(<Library />, app);
