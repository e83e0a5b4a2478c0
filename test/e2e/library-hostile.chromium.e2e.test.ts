import { describe } from 'vitest';
import { launchChromium } from './launch-chromium';
import { chromiumLibrary } from './library-driver';
import { libraryHostileScenario } from './library-hostile-scenario';

describe('researcher library on hostile pages in Chromium', () => {
  libraryHostileScenario(async () => chromiumLibrary(await launchChromium()));
});
