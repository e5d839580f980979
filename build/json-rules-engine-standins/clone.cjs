'use strict';
// Stand-in for `clone` in the bundles (see README.md): a deep copy that keeps prototypes (json-rules-engine copies
// Condition instances into every rule result and calls their methods), Dates, Maps, Sets and
// circular references, and shares deeply frozen values. The original tracks every object it has seen in arrays searched linearly;
// this one checks only the objects on the current path, which is all a cycle needs.

// Values found deeply frozen (a frozen object whose every property value is deeply frozen can never
// change, so the answer never goes stale). Only the root of a check is remembered: inside a cycle a
// part is provisionally taken as frozen while its ancestors are still being checked.
var frozenDeep = new WeakSet();

/** True when nothing reachable from `value` can change: frozen all the way down (Maps, Sets and Dates never are). */
function isDeeplyFrozen(value, path) {
  if (value === null || typeof value !== 'object' || frozenDeep.has(value) || path.indexOf(value) >= 0) return true;
  if (!Object.isFrozen(value) || value instanceof Map || value instanceof Set || value instanceof Date) return false;
  path.push(value);
  var ok = Object.getOwnPropertyNames(value).every(function (k) {
    var d = Object.getOwnPropertyDescriptor(value, k);
    return 'value' in d && isDeeplyFrozen(d.value, path); // a getter may return a new, mutable value
  });
  path.pop();
  if (ok && !path.length) frozenDeep.add(value);
  return ok;
}

function clone(value, path) {
  if (value === null || typeof value !== 'object') return value;
  // A deeply frozen value cannot change: it is shared, not copied (the project freezes its rule
  // files, so their condition params are not copied into every rule result of every run). A frozen
  // object holding anything mutable is copied like any other.
  if (isDeeplyFrozen(value, [])) return value;
  for (var i = 0; i < path.length; i += 2) if (path[i] === value) return path[i + 1];
  var out;
  if (Array.isArray(value)) {
    out = new Array(value.length);
    path.push(value, out);
    for (var j = 0; j < value.length; j++) out[j] = clone(value[j], path);
  } else if (value instanceof Date) {
    return new Date(value.getTime());
  } else if (value instanceof RegExp) {
    return new RegExp(value.source, value.flags);
  } else if (typeof Promise !== 'undefined' && value instanceof Promise) {
    return value;
  } else if (value instanceof Map) {
    out = new Map();
    path.push(value, out);
    value.forEach(function (v, k) {
      out.set(clone(k, path), clone(v, path));
    });
  } else if (value instanceof Set) {
    out = new Set();
    path.push(value, out);
    value.forEach(function (v) {
      out.add(clone(v, path));
    });
  } else {
    out = Object.create(Object.getPrototypeOf(value));
    path.push(value, out);
    for (var k in value) {
      if (Object.prototype.hasOwnProperty.call(value, k)) out[k] = clone(value[k], path);
    }
  }
  path.length -= 2;
  return out;
}
module.exports = function (value) {
  return clone(value, []);
};
