import { describe } from 'vitest';
import { chromiumCards } from './cards-driver';
import { cardsScenario } from './cards-scenario';
import { launchChromium } from './launch-chromium';

describe('in-page cards in Chromium', () => {
  cardsScenario(async () => chromiumCards(await launchChromium()));
});
