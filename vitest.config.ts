/**
 * Unit tests (node, no browser; component tests, *.test.tsx, ask for happy-dom per file). Kept apart from vite.config.ts, whose root is src/ui and whose
 * environments describe the extension build. E2E tests have their own config: vitest.e2e.config.ts.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/extension/**/*.test.ts'],
        },
      },
    ],
  },
});
