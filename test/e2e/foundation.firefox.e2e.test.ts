import { describe } from 'vitest';
import { foundationScenario } from './foundation-scenario';
import { launchFirefox } from './launch-firefox';

describe('foundation in Firefox', () => {
  foundationScenario(() => launchFirefox());
});
