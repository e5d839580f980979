// `npm start`: serves the project root and opens the demo. The strict-CSP demo page is served with a
// real Content-Security-Policy header (no 'unsafe-inline', no 'unsafe-eval').
export const CSP = "default-src 'self'";

/** Adds the CSP header to /demo/csp.html and /demo/editor.html (also used by the browser tests). */
export function cspMiddleware(ctx, next) {
  return next().then(() => {
    if (ctx.path === '/demo/csp.html' || ctx.path === '/demo/editor.html' || ctx.path.startsWith('/test/browser/csp/')) ctx.set('Content-Security-Policy', CSP);
  });
}

export default {
  rootDir: '.',
  // `npm start -- --port 8080` or `PORT=8080 npm start` to serve elsewhere
  port: Number(process.env.PORT) || 8000,
  open: '/demo/',
  watch: false,
  middleware: [cspMiddleware],
};
