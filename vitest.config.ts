import { resolve } from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC, not esbuild: NestJS dependency injection and class-validator need emitDecoratorMetadata.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: {
    alias: [
      { find: /^@app\/access$/, replacement: resolve(__dirname, 'libs/access/src') },
      { find: /^@app\/read-model$/, replacement: resolve(__dirname, 'libs/read-model/src') },
      { find: /^@app\/common$/, replacement: resolve(__dirname, 'libs/common/src') },
      { find: /^@app\/event-store$/, replacement: resolve(__dirname, 'libs/event-store/src') },
      { find: /^@app\/event-store\/(.*)$/, replacement: resolve(__dirname, 'libs/event-store/src/$1') },
      { find: /^@app\/workflow$/, replacement: resolve(__dirname, 'libs/workflow/src') },
      { find: /^@app\/workflow\/(.*)$/, replacement: resolve(__dirname, 'libs/workflow/src/$1') },
      { find: /^@app\/engine$/, replacement: resolve(__dirname, 'libs/engine/src') },
      { find: /^@app\/engine\/(.*)$/, replacement: resolve(__dirname, 'libs/engine/src/$1') },
      { find: /^@app\/projections$/, replacement: resolve(__dirname, 'libs/projections/src') },
      { find: /^@app\/projections\/(.*)$/, replacement: resolve(__dirname, 'libs/projections/src/$1') },
      { find: /^@app\/insatser$/, replacement: resolve(__dirname, 'libs/insatser/src') },
      { find: /^@app\/insatser\/(.*)$/, replacement: resolve(__dirname, 'libs/insatser/src/$1') },
      { find: /^@app\/referral$/, replacement: resolve(__dirname, 'libs/referral/src') },
      { find: /^@app\/referral\/(.*)$/, replacement: resolve(__dirname, 'libs/referral/src/$1') },
      { find: /^@app\/processes$/, replacement: resolve(__dirname, 'processes') },
    ],
  },
  test: {
    include: ['{apps,libs,processes,test,bench,scripts}/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['test/support/build-web.ts'],
    pool: 'forks',
    // A stray .only must fail the run everywhere, not only where CI is set.
    allowOnly: false,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
