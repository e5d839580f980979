const root = process.argv[2];
const { bundleSize } = await import(root + '/scripts/sizes.mjs');
const a = await bundleSize('src/bundle.ts');
const r = await bundleSize('src/rules/index.ts');
console.log('bundle.ts', a.gz, 'rules', r.gz);
