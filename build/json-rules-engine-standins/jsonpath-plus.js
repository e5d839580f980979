// Stand-in for jsonpath-plus in the bundles. json-rules-engine imports it for condition `path`s;
// this project's rules never use JSONPath (facts take explicit params and the engine is given a
// plain dotted-path resolver), so the library, and its past remote-code-execution advisories, stay out.
export function JSONPath() {
  throw new Error('JSONPath is not available in disclosure-report: use a dotted path (e.g. "agency.tier").');
}
