import { describe } from 'vitest';
import { launchChromium } from './launch-chromium';
import { chromiumLibrary } from './library-driver';
import { libraryHealthScenario } from './library-health-scenario';

describe('library storage faults and live refresh in Chromium', () => {
  libraryHealthScenario(async () => chromiumLibrary(await launchChromium()));
});
