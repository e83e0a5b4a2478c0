import { describe } from 'vitest';
import { launchChromium } from './launch-chromium';
import { pipelineScenario } from './pipeline-scenario';

describe('pipeline in Chromium', () => {
  pipelineScenario(() => launchChromium());
});
