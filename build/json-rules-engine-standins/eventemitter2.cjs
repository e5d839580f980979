'use strict';
// Stand-in for eventemitter2 in the bundles: the part of its API json-rules-engine and its users
// touch (on/addListener, once, off/removeListener, removeAllListeners, listeners, listenerCount,
// emit, emitAsync), without wildcards, namespaces or TTLs (the engine enables none of them). A
// plain constructor function, because json-rules-engine's transpiled classes call their parent
// constructor without `new`.
function EventEmitter2() {
  this._events = Object.create(null);
}
var p = EventEmitter2.prototype;
var NONE = [];
/** The listeners of a type, to read (never creates an entry). */
function get(self, type) {
  return (self._events && self._events[type]) || NONE;
}
/** The listeners of a type, to change. */
function list(self, type) {
  var all = self._events || (self._events = Object.create(null));
  return all[type] || (all[type] = []);
}
p.on = p.addListener = function (type, fn) {
  if (typeof fn !== 'function') throw new TypeError('on only accepts instances of Function');
  list(this, type).push(fn);
  return this;
};
p.once = function (type, fn) {
  var self = this;
  function once() {
    self.off(type, once);
    return fn.apply(this, arguments);
  }
  once.listener = fn;
  return this.on(type, once);
};
p.off = p.removeListener = function (type, fn) {
  var l = get(this, type);
  for (var i = l.length - 1; i >= 0; i--) if (l[i] === fn || l[i].listener === fn) return (l.splice(i, 1), this);
  return this;
};
p.removeAllListeners = function (type) {
  if (type === undefined) this._events = Object.create(null);
  else get(this, type).length = 0;
  return this;
};
p.listeners = function (type) {
  return get(this, type).slice();
};
p.listenerCount = function (type) {
  return get(this, type).length;
};
p.emit = function (type) {
  var l = get(this, type);
  if (!l.length) return false;
  l = l.slice();
  var args = [].slice.call(arguments, 1);
  for (var i = 0; i < l.length; i++) l[i].apply(this, args);
  return true;
};
p.emitAsync = function (type) {
  var l = get(this, type);
  if (!l.length) return Promise.resolve([]); // the engine emits for every rule, mostly to no one
  var self = this,
    args = [].slice.call(arguments, 1);
  try {
    return Promise.all(
      l.slice().map(function (fn) {
        return fn.apply(self, args);
      }),
    );
  } catch (e) {
    return Promise.reject(e);
  }
};
module.exports = EventEmitter2;
module.exports.EventEmitter2 = EventEmitter2;
module.exports.default = EventEmitter2;
