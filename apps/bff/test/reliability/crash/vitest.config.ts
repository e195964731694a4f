import { defineConfig } from 'vitest/config'

// The crash suite (`npm run test:crash`): real BFF and simulator processes, several runs, minutes.
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.crash.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
})
