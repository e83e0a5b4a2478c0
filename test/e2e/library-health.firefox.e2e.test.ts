import { describe } from 'vitest';
import { launchFirefox } from './launch-firefox';
import { firefoxLibrary } from './library-driver';
import { libraryHealthScenario } from './library-health-scenario';

describe('library storage faults and live refresh in Firefox', () => {
  libraryHealthScenario(async () => firefoxLibrary(await launchFirefox()));
});
