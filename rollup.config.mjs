// Build outputs:
//  1. npm entries (ESM, shared chunks, lit kept external): dist/index.js, rules.js, define.js, element.js,
//     import.js, static.js; dist/cli.js for the `disclosure-report` command (Node).
//  2. self-contained files for a <script> tag: dist/disclosure-report.js (ESM) and
//     dist/disclosure-report.iife.js (classic script), everything inlined.
// json-rules-engine is CommonJS (plugin-commonjs). In the bundles its dependencies are replaced by small
// stand-ins (build/json-rules-engine-standins, see its README; held to the originals and to the engine's
// use of them by test/node/engine-standins.test.ts): JSONPath by a stub (the project resolves fact paths
// itself and never evaluates JSONPath), eventemitter2, clone and hash-it by the part of their API the
// engine uses. Together they were 16 of its 22 KB min+gzip.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import commonjs from '@rollup/plugin-commonjs';
import resolve from '@rollup/plugin-node-resolve';
import json from '@rollup/plugin-json';
import alias from '@rollup/plugin-alias';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { versionForRollup } from './scripts/version-module.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

/** json-rules-engine's dependencies as the bundles have them (clone.cjs, eventemitter2.cjs, hash-it.cjs, jsonpath-plus.js). */
export const STANDINS = here('./build/json-rules-engine-standins');
export const STANDIN_FILES = {
  'jsonpath-plus': 'jsonpath-plus.js',
  eventemitter2: 'eventemitter2.cjs',
  clone: 'clone.cjs',
  'hash-it': 'hash-it.cjs',
};

/** json-rules-engine's own modules replaced (its debug logger and its default operator decorators, unused). */
export const ENGINE_STANDINS = ['debug', 'engine-default-operator-decorators'];

/** Rule files keep their `basis` (documentation) on disk; the bundles leave it out. */
const ruleFilesForBundle = () => ({
  name: 'rule-files',
  transform(code, id) {
    if (!/[\\/]rules[\\/][^\\/]+\.json$/.test(id)) return null;
    const rule = JSON.parse(code);
    delete rule.basis;
    return { code: JSON.stringify(rule), map: null };
  },
});

/** json-rules-engine's debug() calls (a no-op unless DEBUG is set) are marked pure so the minifier drops them. */
const engineDebugCalls = () => ({
  name: 'engine-debug-calls',
  transform(code, id) {
    if (!/json-rules-engine[\\/]dist[\\/]/.test(id)) return null;
    return { code: code.replace(/\(0, _debug2\.default\)\(/g, '/*@__PURE__*/(0, _debug2.default)('), map: null };
  },
});

/**
 * The element's stylesheet (src/view/stylesheet.ts: one template literal, no interpolations) without
 * comments and indentation: terser leaves template literal text alone.
 */
export const minifyCssLiterals = () => ({
  name: 'minify-css-literals',
  transform(code, id) {
    if (!/[\\/]src[\\/]view[\\/]stylesheet\.ts$/.test(id)) return null;
    return {
      code: code.replace(
        /`([^`$]*)`/g,
        (_, body) =>
          '`' +
          body
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};,>])\s*/g, '$1')
            .replace(/:\s+/g, ':')
            .replace(/([^\d.])0\.(\d)/g, '$1.$2')
            .replace(/;}/g, '}')
            .trim() +
          '`',
      ),
      map: null,
    };
  },
});

/**
 * The element's Lit templates without their source indentation: a line break and the indentation after
 * it become one space inside template literals (HTML collapses them to the same thing). Terser leaves
 * template literal text alone; this is about 1.5 KB of the viewer script. A small scanner finds the
 * template text (skipping comments, quoted strings and `${…}` code).
 */
export function collapseTemplateIndentation(code) {
  let out = '';
  const stack = []; // 'tpl' or a brace depth counter object for ${ } code inside a template
  let i = 0;
  const n = code.length;
  let inTpl = false;
  while (i < n) {
    const c = code[i];
    if (inTpl) {
      if (c === '\\') {
        out += c + code[i + 1];
        i += 2;
      } else if (c === '`') {
        out += c;
        i++;
        inTpl = false;
        stack.pop();
      } else if (c === '$' && code[i + 1] === '{') {
        out += '${';
        i += 2;
        inTpl = false;
        stack.push({ depth: 0 });
      } else if (c === '\n') {
        let j = i + 1;
        while (j < n && (code[j] === ' ' || code[j] === '\t' || code[j] === '\n')) j++;
        out += ' ';
        i = j;
      } else {
        out += c;
        i++;
      }
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '/' && code[i + 1] === '/') {
      const j = code.indexOf('\n', i);
      out += code.slice(i, j < 0 ? n : j);
      i = j < 0 ? n : j;
    } else if (c === '/' && code[i + 1] === '*') {
      const j = code.indexOf('*/', i + 2) + 2;
      out += code.slice(i, j);
      i = j;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < n && code[j] !== c) j += code[j] === '\\' ? 2 : 1;
      out += code.slice(i, j + 1);
      i = j + 1;
    } else if (c === '`') {
      out += c;
      i++;
      inTpl = true;
      stack.push('tpl');
    } else {
      if (top && typeof top === 'object') {
        if (c === '{') top.depth++;
        else if (c === '}') {
          if (top.depth === 0) {
            stack.pop();
            inTpl = true;
            out += c;
            i++;
            continue;
          }
          top.depth--;
        }
      }
      out += c;
      i++;
    }
  }
  return out;
}

const collapseTemplates = () => ({
  name: 'collapse-template-indentation',
  transform(code, id) {
    if (!/[\\/]src[\\/]elements[\\/](templates[\\/])?[^\\/]+\.ts$/.test(id) || /styles\.ts$/.test(id)) return null;
    return { code: collapseTemplateIndentation(code), map: null };
  },
});

export const plugins = ({ browser = true, minify = false } = {}) => [
  versionForRollup(),
  ruleFilesForBundle(),
  minifyCssLiterals(),
  engineDebugCalls(),
  alias({
    entries: [
      ...Object.entries(STANDIN_FILES).map(([find, file]) => ({ find, replacement: `${STANDINS}/${file}` })),
      ...ENGINE_STANDINS.map((name) => ({ find: `./${name}`, replacement: `${STANDINS}/${name}.cjs` })),
    ],
  }),
  resolve({
    browser,
    preferBuiltins: !browser,
    exportConditions: browser ? ['browser', 'production'] : ['node', 'production'],
  }),
  commonjs(),
  json({ preferConst: true, compact: true }),
  esbuild({ target: 'es2022', tsconfig: here('./tsconfig.json'), minify: false }),
  collapseTemplates(),
  ...(minify ? [terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } })] : []),
];

/** pdf.js (a dependency, several MB) stays a package import of the CLI build, loaded when a PDF is read. */
const isPdfjs = (id) => id === 'pdfjs-dist' || id.startsWith('pdfjs-dist/');

/**
 * The files of pdf.js that the npm ES build ships in dist/pdfjs/ (its legacy build, minified, and its
 * licence) as [name in pdfjs-dist, name in dist/pdfjs/]. ES modules named `.js`, not `.mjs`: every web
 * server sends `.js` as JavaScript, which a module script and a module worker require (several, IIS
 * among them, know no `.mjs`); the package is `"type": "module"`, so Node reads them as modules too.
 */
export const PDFJS_FILES = [
  ['legacy/build/pdf.min.mjs', 'pdf.min.js'],
  ['legacy/build/pdf.worker.min.mjs', 'pdf.worker.min.js'],
  ['LICENSE', 'LICENSE'],
];

/**
 * pdf.js's packed CMaps for Chinese (GB, GBK, GBT, UniGB, CNS, B5, ETen, HKscs, UniCNS and their
 * Adobe-GB1/CNS1 collections: 77 files, 560 KB) and their licence, shipped in dist/pdfjs/cmaps/: a PDF
 * whose fonts use one of these encodings fetches that one file (a few KB). Japanese and Korean ones
 * are left out.
 */
export const PDFJS_CMAPS = /GB|CNS|B5|ETen|HK|^LICENSE$/;

/**
 * pdf.js for the npm ES build (dist/import.js, also what the script-tag editor loads): `src/import/pdfjs-files.ts`
 * becomes a module that loads copies of pdf.js and its worker module from dist/pdfjs/ by URL, relative
 * to the chunk (`new URL('../pdfjs/…', import.meta.url)`, the pattern bundlers recognise). So a browser
 * needs no bare specifier resolved and no worker configured, same origin under `default-src 'self'`;
 * Node imports the same files. Nothing of it is loaded before a PDF is read.
 */
export const pdfjsFiles = () => {
  const VIRTUAL = '\0pdfjs-files';
  const dir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    name: 'pdfjs-files',
    resolveId(id, importer) {
      if (id === './pdfjs-files.js' && importer && /[\\/]src[\\/]import[\\/]pdf\.ts$/.test(importer)) return VIRTUAL;
      return null;
    },
    load(id) {
      if (id !== VIRTUAL) return null;
      const [lib, worker] = PDFJS_FILES.map(([from, name]) =>
        this.emitFile({ type: 'asset', fileName: `pdfjs/${name}`, source: readFileSync(`${dir}/${from}`) }),
      );
      for (const name of readdirSync(`${dir}/cmaps`).filter((n) => PDFJS_CMAPS.test(n)))
        this.emitFile({ type: 'asset', fileName: `pdfjs/cmaps/${name}`, source: readFileSync(`${dir}/cmaps/${name}`) });
      return [
        `const lib = import.meta.ROLLUP_FILE_URL_${lib};`,
        "export const cMapUrl = () => new URL('cmaps/', lib).href;",
        `export const workerUrl = import.meta.ROLLUP_FILE_URL_${worker};`,
        'export const loadLib = () => import(/* webpackIgnore: true */ /* @vite-ignore */ lib);',
        'export const loadWorker = () => import(/* webpackIgnore: true */ /* @vite-ignore */ workerUrl);',
      ].join('\n');
    },
  };
};

const onwarn = (warning, warn) => {
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

const npmEntries = Object.fromEntries(
  Object.entries({
    index: 'src/index.ts',
    rules: 'src/rules/index.ts',
    define: 'src/define.ts',
    element: 'src/elements/disclosure-report.ts',
    import: 'src/import/entry.ts',
    static: 'src/render/static.ts',
    editor: 'src/editor/index.ts',
  }).filter(([, file]) => existsSync(here(file))),
);

const configs = [
  {
    input: npmEntries,
    external: (id) =>
      id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/') || id.startsWith('node:') || isPdfjs(id),
    plugins: [pdfjsFiles(), ...plugins()],
    onwarn,
    output: {
      dir: 'dist',
      format: 'esm',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
  },
];

if (existsSync(here('src/cli/main.ts'))) {
  configs.push({
    input: { cli: 'src/cli/main.ts' },
    external: (id) => id.startsWith('node:') || isPdfjs(id),
    plugins: plugins({ browser: false }),
    onwarn,
    output: {
      dir: 'dist',
      format: 'esm',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/cli-[name]-[hash].js',
      // One file: the PDF reader is inlined (small; it runs only for a PDF), pdf.js stays a package import.
      inlineDynamicImports: true,
      sourcemap: true,
    },
  });
}

if (existsSync(here('src/bundle.ts'))) {
  // Minified per output: the IIFE must not be minified as a module, or terser drops the
  // `var DisclosureReport = …` global assignment as an unused top-level binding.
  // passes: 3 and unsafe_arrows (a function expression using no `this`/`arguments`/`new.target` becomes
  // an arrow; none is called with `new`): about 80 B min+gzip of the viewer script.
  const min = (module) =>
    terser({ ecma: 2022, module, compress: { passes: 3, unsafe_arrows: true }, format: { comments: false } });
  configs.push(
    {
      input: 'src/bundle.ts',
      plugins: plugins(),
      onwarn,
      output: {
        file: 'dist/disclosure-report.js',
        format: 'esm',
        sourcemap: true,
        inlineDynamicImports: true,
        plugins: [min(true)],
      },
    },
    {
      input: 'src/bundle.ts',
      plugins: plugins(),
      onwarn,
      output: {
        file: 'dist/disclosure-report.iife.js',
        format: 'iife',
        name: 'DisclosureReport',
        sourcemap: true,
        inlineDynamicImports: true,
        plugins: [min(false)],
      },
    },
  );
}

// The light-DOM importer for <disclosure-report import>: its own script, so the viewer stays small.
if (existsSync(here('src/import/element-importer.ts'))) {
  for (const format of ['esm', 'iife']) {
    configs.push({
      input: 'src/import/element-importer.ts',
      plugins: plugins(),
      onwarn,
      output: {
        file: `dist/disclosure-report-import${format === 'iife' ? '.iife' : ''}.js`,
        format,
        ...(format === 'iife' ? { name: 'DisclosureReportImport' } : {}),
        sourcemap: true,
        inlineDynamicImports: true,
        plugins: [
          terser({ ecma: 2022, module: format === 'esm', compress: { passes: 2 }, format: { comments: false } }),
        ],
      },
    });
  }
}

// The editor's script-tag file: registers <disclosure-report-editor>; the importer is not in it (it is
// loaded from `import.js` beside the script when the editor imports a report or a table from Word).
if (existsSync(here('src/editor/index.ts'))) {
  const importerByUrl = {
    name: 'editor-importer-by-url',
    resolveId(source, importer) {
      if (importer && /[\\/]load-importer\.js$/.test(source)) return here('./src/editor/load-importer-script.ts');
      return null;
    },
  };
  configs.push({
    input: 'src/editor/index.ts',
    plugins: [importerByUrl, ...plugins()],
    onwarn,
    output: {
      file: 'dist/disclosure-report-editor.iife.js',
      format: 'iife',
      name: 'DisclosureReportEditor',
      sourcemap: true,
      inlineDynamicImports: true,
      plugins: [terser({ ecma: 2022, module: false, compress: { passes: 2 }, format: { comments: false } })],
    },
  });
}

export default configs;
