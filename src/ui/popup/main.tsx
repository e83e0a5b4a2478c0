/** Popup entry: mounts the Preact app. */
import { render } from 'preact';
import { uiLanguage } from '../../platform/i18n';
import { Popup } from './Popup';
import './popup.css';

document.documentElement.lang = uiLanguage();
const app = document.getElementById('app');
if (app) render(<Popup />, app);
