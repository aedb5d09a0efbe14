import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run the sources: `#crypto` (package.json "imports") resolves to src/auth/crypto.node.ts.
  ssr: { resolve: { conditions: ['sms-unlock-client:source'] } },
  resolve: { conditions: ['sms-unlock-client:source'] },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    globalSetup: ['test/helpers/global-setup.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
