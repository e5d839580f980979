import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromePath } from './scripts/ensure-chromium.mjs';

const commonjs = fromRollup(rollupCommonjs);

export default {
  files: ['test/rules/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  mimeTypes: { '**/*.cjs': 'js', '**/*.json': 'js' },
  plugins: [
    esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }),
    commonjs({ strictRequires: false, include: ['**/node_modules/json-rules-engine/**', '**/node_modules/eventemitter2/**', '**/node_modules/clone/**', '**/node_modules/hash-it/**', '**/node_modules/jsonpath-plus/**'] }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromePath(),
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      },
    }),
  ],
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
};
