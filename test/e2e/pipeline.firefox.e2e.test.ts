import { describe } from 'vitest';
import { launchFirefox } from './launch-firefox';
import { pipelineScenario } from './pipeline-scenario';

describe('pipeline in Firefox', () => {
  pipelineScenario(() => launchFirefox());
});
