import { describe } from 'vitest';
import { firefoxCards } from './cards-driver';
import { cardsScenario } from './cards-scenario';
import { launchFirefox } from './launch-firefox';

describe('in-page cards in Firefox', () => {
  cardsScenario(async () => firefoxCards(await launchFirefox()));
});
