'use strict';
// Stand-in for hash-it in the bundles: json-rules-engine keys its fact cache by a hash of
// { params, id }. A canonical serialization (sorted keys) is an exact key, with no collisions.
function canonical(value, seen) {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') return 'f:' + String(value);
    if (typeof value === 'bigint') return 'n:' + value.toString();
    if (value === undefined) return 'u';
    return JSON.stringify(value);
  }
  if (seen.indexOf(value) >= 0) return 'circular';
  seen.push(value);
  var out;
  if (Array.isArray(value))
    out =
      '[' +
      value
        .map(function (v) {
          return canonical(v, seen);
        })
        .join(',') +
      ']';
  else if (value instanceof Date) out = 'd:' + value.toISOString();
  else {
    out =
      '{' +
      Object.keys(value)
        .sort()
        .map(function (k) {
          return JSON.stringify(k) + ':' + canonical(value[k], seen);
        })
        .join(',') +
      '}';
  }
  seen.pop();
  return out;
}
function hash(value) {
  return canonical(value, []);
}
module.exports = hash;
module.exports.default = hash;
