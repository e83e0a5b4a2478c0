import { describe } from 'vitest';
import { launchFirefox } from './launch-firefox';
import { firefoxLibrary } from './library-driver';
import { libraryHostileScenario } from './library-hostile-scenario';

describe('researcher library on hostile pages in Firefox', () => {
  libraryHostileScenario(async () => firefoxLibrary(await launchFirefox()));
});
