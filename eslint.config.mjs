// ESLint (flat config) with typescript-eslint's recommended rules over the project's code; prettier
// owns the layout (`npm run format`), so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** A layer may not import the folders of `above` (nor lit, when it has no DOM). */
function layer(files, above, domFree) {
  const folders = above.join('|');
  return {
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${folders})(/|$)`,
              message: `${files.split('/')[1]} sits below ${above.join(', ')}.`,
            },
            ...(domFree ? [{ regex: '^lit(/|$)|^@lit/', message: 'No lit (nor the DOM) below the elements.' }] : []),
          ],
        },
      ],
    },
  };
}

const UNSAFE_HTML = [
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'No HTML from strings: build nodes (lit templates, textContent).',
  },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No HTML from strings.' },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
    message: 'No HTML from strings.',
  },
  { selector: 'ImportDeclaration[source.value=/unsafe-html|unsafe-svg/]', message: 'No unsafeHTML/unsafeSVG.' },
];

const LOCALE_BRANCH = [
  {
    selector: 'BinaryExpression[operator=/^[!=]==?$/][right.value=/^(en|zh|zh-CN)$/]',
    message: 'Words by locale come from a catalog in src/i18n (catalogs, textKey, inLocale), not from a comparison.',
  },
  {
    selector: 'BinaryExpression[operator=/^[!=]==?$/][left.value=/^(en|zh|zh-CN)$/]',
    message: 'Words by locale come from a catalog in src/i18n (catalogs, textKey, inLocale), not from a comparison.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'src/**/*.cjs', 'src/**/*.js', 'demo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  // The layers (src/model ← src/rules ← src/import, src/view ← src/elements, src/render, src/cli, src/editor):
  // what a layer may not import, so that the rules entry never pulls lit or the DOM and the importer
  // never pulls the elements.
  layer('src/model/**', ['rules', 'import', 'view', 'render', 'elements', 'editor', 'cli'], true),
  layer('src/i18n/**', ['rules', 'import', 'view', 'render', 'elements', 'editor', 'cli'], true),
  layer('src/rules/**', ['import', 'view', 'render', 'elements', 'editor', 'cli'], true),
  layer('src/import/**', ['view', 'render', 'elements', 'editor', 'cli'], true),
  layer('src/view/**', ['import', 'render', 'elements', 'editor', 'cli'], false),
  layer('src/render/**', ['import', 'elements', 'editor', 'cli'], true),
  layer('src/cli/**', ['elements', 'editor', 'view'], true),
  {
    // Report text is untrusted: no HTML from strings, no code from strings (the widget runs under
    // Content-Security-Policy: default-src 'self').
    files: ['src/**/*.ts'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...UNSAFE_HTML, ...LOCALE_BRANCH],
    },
  },
  // The one localization mechanism: words by locale live in the catalogs of src/i18n (and the layouts'
  // label pairs, the rule files' templates), read with textKey/inLocale; nowhere else picks a language.
  { files: ['src/i18n/**'], rules: { 'no-restricted-syntax': ['error', ...UNSAFE_HTML] } },
  {
    // Tests feed hostile values on purpose (any) and use chai's property assertions (expect(x).to.be.true).
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
