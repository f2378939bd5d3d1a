import { defineConfig } from 'vitest/config';

// The Docker smoke test (scripts/docker-smoke.sh): needs a built image, so not in `npm test`.
export default defineConfig({
  test: {
    include: ['test/docker/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
