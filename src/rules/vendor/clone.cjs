'use strict';
// Stand-in for `clone` in the bundles: a deep copy that keeps prototypes (json-rules-engine copies
// Condition instances into every rule result and calls their methods), Dates, Maps, Sets and
// circular references, without the original's linear search over every object seen.
function clone(value, seen) {
  if (value === null || typeof value !== 'object') return value;
  if (seen && seen.has(value)) return seen.get(value);
  var out;
  if (Array.isArray(value)) out = new Array(value.length);
  else if (value instanceof Date) return new Date(value.getTime());
  else if (value instanceof RegExp) return new RegExp(value.source, value.flags);
  else if (value instanceof Map) out = new Map();
  else if (value instanceof Set) out = new Set();
  else if (typeof Promise !== 'undefined' && value instanceof Promise) return value;
  else out = Object.create(Object.getPrototypeOf(value));
  seen = seen || new Map();
  seen.set(value, out);
  if (Array.isArray(value)) {
    for (var i = 0; i < value.length; i++) out[i] = clone(value[i], seen);
  } else if (value instanceof Map) {
    value.forEach(function (v, k) { out.set(clone(k, seen), clone(v, seen)); });
  } else if (value instanceof Set) {
    value.forEach(function (v) { out.add(clone(v, seen)); });
  } else {
    var keys = Object.keys(value);
    for (var j = 0; j < keys.length; j++) out[keys[j]] = clone(value[keys[j]], seen);
  }
  return out;
}
module.exports = function (value) { return clone(value, null); };
