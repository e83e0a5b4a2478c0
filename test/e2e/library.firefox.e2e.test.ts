import { describe } from 'vitest';
import { launchFirefox } from './launch-firefox';
import { firefoxLibrary } from './library-driver';
import { libraryScenario } from './library-scenario';

describe('researcher library in Firefox', () => {
  libraryScenario(async () => firefoxLibrary(await launchFirefox()));
});
