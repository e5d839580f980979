#!/usr/bin/env node
// Writes the demo pages (demo/*.html) around the report JSON in demo/data, with the static fallback
// markup from renderStaticHtml (run `npm run build` first: it uses dist/static.js). The pages are
// committed; run this again after changing the renderer or the data: `node scripts/demo-pages.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderStaticHtml, escapeHtml } from '../dist/static.js';

const root = new URL('../demo/', import.meta.url);
const data = (name) => JSON.parse(readFileSync(new URL(`data/${name}`, root), 'utf8'));

const NAV_ZH = ['首页', '政务公开', '政务服务', '互动交流', '走进示例'];
const NAV_EN = ['Home', 'Government Information', 'Services', 'Interaction', 'About'];
const PAGES = [
  ['index.html', '巴彦淖尔市工业和信息化局 2021（种子报告，内联 JSON）'],
  ['errors.html', '数字对不上的报告'],
  ['format-2019.html', '2019 年试行格式（含上年报告跨年度检查）'],
  ['en.html', 'English page'],
  ['csp.html', '严格内容安全策略（CSP）页面'],
  ['editor.html', '填报编辑器（CMS 后台）'],
];

function page({ file, lang = 'zh-CN', title, site, body, inlineScript = true }) {
  const en = lang === 'en';
  const nav = (en ? NAV_EN : NAV_ZH)
    .map((n, i) => `<li><a href="index.html"${i === 1 ? ' aria-current="page"' : ''}>${n}</a></li>`)
    .join('');
  const links = PAGES.map(
    ([f, label]) => `<li>${f === file ? `<strong>${label}</strong>` : `<a href="${f}">${label}</a>`}</li>`,
  ).join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - ${escapeHtml(site)}</title>
<link rel="stylesheet" href="site.css">
${inlineScript ? '' : '<script src="csp-probe.js"></script>\n'}<script src="../dist/disclosure-report.iife.js"${inlineScript ? '' : ' defer'}></script>
</head>
<body>
<header class="site-header"><div class="wrap">
<a class="site-logo" href="index.html">${escapeHtml(site)}<small>${en ? 'Official website' : '政府门户网站'}</small></a>
<form class="site-search" role="search" action="index.html"><label>${en ? 'Search' : '搜索'} <input type="search" name="q"></label></form>
</div></header>
<nav class="site-nav" aria-label="${en ? 'Site' : '网站导航'}"><ul class="wrap">${nav}</ul></nav>
<div class="wrap">
<nav class="breadcrumbs" aria-label="${en ? 'Breadcrumbs' : '当前位置'}"><ol>
<li><a href="index.html">${en ? 'Home' : '首页'}</a></li><li><a href="index.html">${en ? 'Government Information' : '政务公开'}</a></li>
<li><a href="index.html">${en ? 'Annual Reports' : '政府信息公开年度报告'}</a></li><li aria-current="page">${en ? 'Article' : '正文'}</li>
</ol></nav>
<main class="article">
<h1 class="article-title">${escapeHtml(title)}</h1>
<p class="article-meta"><span>${en ? 'Published' : '发布日期'}：2022-01-26</span><span>${en ? 'Source' : '来源'}：${escapeHtml(site)}</span><span>${en ? 'Font' : '字号'}：大 中 小</span></p>
<div class="article-body">
<p class="demo-note">Demo pages of &lt;disclosure-report&gt;:</p>
<ul class="demo-links">${links}</ul>
${body}
</div>
<p class="article-tools">${en ? 'Print · Close' : '【打印本页】【关闭窗口】'}</p>
</main>
</div>
<footer class="site-footer"><div class="wrap">
<p>${en ? 'Sponsored by' : '主办单位'}：${escapeHtml(site)} · ${en ? 'ICP record' : 'ICP备案号'}：示ICP备00000000号</p>
<p><a href="index.html">${en ? 'Site map' : '网站地图'}</a> · <a href="index.html">${en ? 'Contact us' : '联系我们'}</a></p>
</div></footer>
</body>
</html>
`;
}

const write = (file, html) => writeFileSync(new URL(file, root), html);

const seed = data('bayannur-gxj-2021.json');
write(
  'index.html',
  page({
    file: 'index.html',
    title: seed.title,
    site: '巴彦淖尔市人民政府',
    body: renderStaticHtml(seed),
  }),
);

const broken = data('broken-2022.json');
write(
  'errors.html',
  page({
    file: 'errors.html',
    title: broken.title,
    site: '示例县人民政府',
    body: renderStaticHtml(broken),
  }),
);

const r2020 = data('example-2020.json');
write(
  'format-2019.html',
  page({
    file: 'format-2019.html',
    title: r2020.title,
    site: '示例县人民政府',
    body: renderStaticHtml(r2020, { attributes: { 'previous-src': 'data/example-2019.json' } }),
  }),
);

const good = data('example-2022.json');
write(
  'en.html',
  page({
    file: 'en.html',
    lang: 'en',
    title: 'Annual Report on Government Information Disclosure 2022',
    site: 'Example District Government',
    body: renderStaticHtml(good, { locale: 'en' }),
  }),
);

// Strict CSP (served with `Content-Security-Policy: default-src 'self'` by web-dev-server.config.mjs):
// no inline script or style at all; the report JSON comes by `src`, the fallback table has no JSON.
write(
  'csp.html',
  page({
    file: 'csp.html',
    title: seed.title,
    site: '巴彦淖尔市人民政府',
    inlineScript: false,
    body:
      `<p class="demo-note" id="csp-status">Content-Security-Policy: default-src 'self'</p>\n` +
      renderStaticHtml(seed, { embedJson: false, attributes: { src: 'data/bayannur-gxj-2021.json' } }),
  }),
);
console.log('demo pages written');
