import { describe } from 'vitest';
import { foundationScenario } from './foundation-scenario';
import { launchChromium } from './launch-chromium';

describe('foundation in Chromium', () => {
  foundationScenario(() => launchChromium());
});
