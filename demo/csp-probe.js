// Records Content-Security-Policy violations on the strict-CSP demo page (window.cspViolations) and
// shows their count in #csp-status. An external script, as the policy (default-src 'self') requires.
window.cspViolations = [];
const show = () => {
  const el = document.getElementById('csp-status');
  if (el) el.textContent = `Content-Security-Policy: default-src 'self' · violations: ${window.cspViolations.length}`;
};
document.addEventListener('securitypolicyviolation', (e) => {
  window.cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
  show();
});
document.addEventListener('DOMContentLoaded', show);
