import { describe } from 'vitest';
import { launchChromium } from './launch-chromium';
import { chromiumLibrary } from './library-driver';
import { libraryScenario } from './library-scenario';

describe('researcher library in Chromium', () => {
  libraryScenario(async () => chromiumLibrary(await launchChromium()));
});
