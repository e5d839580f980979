// per-module minified size via rollup + terser per module chunk approximation: bundle with preserveModules-like stats
import { rollup } from '/work/wt/robust/node_modules/rollup/dist/es/rollup.js';
import { gzipSync } from 'node:zlib';
const root = process.argv[2];
const { plugins } = await import(root + '/rollup.config.mjs');
const bundle = await rollup({ input: root + '/src/rules/index.ts', plugins: plugins({ minify: false }), onwarn: () => {} });
const { output } = await bundle.generate({ format: 'esm', inlineDynamicImports: true });
const mods = output[0].modules;
const rows = Object.entries(mods).map(([id, m]) => [id.replace(root, ''), m.renderedLength]).filter(([id]) => /src\/(model|rules)/.test(id)).sort((a, b) => b[1] - a[1]);
for (const [id, n] of rows.slice(0, 25)) console.log(n, id);
