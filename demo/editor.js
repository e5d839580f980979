// The CMS back-office demo of <disclosure-report-editor> (demo/editor.html): an external script, so
// the page runs under Content-Security-Policy: default-src 'self'.
const editor = document.querySelector('disclosure-report-editor');
const form = document.getElementById('publish');
const year = () => Number(document.getElementById('year').value) || new Date().getFullYear() - 1;
const agency = () => document.getElementById('agency').value.trim();

document.getElementById('new').addEventListener('click', () => editor.startNew({ year: year(), agency: agency() }));

document.getElementById('from-last').addEventListener('click', async () => {
  const previous = await (await fetch('data/example-2022.json')).json();
  editor.startNew({ year: 2023, agency: previous.agency.name, previous });
});

document.getElementById('draft').addEventListener('change', (e) => {
  editor.allowErrors = e.target.checked;
});

form.addEventListener('submit', (e) => {
  e.preventDefault(); // a real CMS posts the form; the demo shows what it would send
  const json = new FormData(form).get('report');
  document.getElementById('submitted').textContent =
    `已提交：报告 JSON ${json.length} 个字符（${editor.result?.summary.errors ?? 0} 处错误）。`;
});
