'use strict';
// Stand-in for eventemitter2 in the bundles: the part of its API json-rules-engine and its users
// touch (on/once/off/emit/emitAsync, listeners), without wildcards, namespaces or TTLs (the engine
// enables none of them). A plain constructor function, because json-rules-engine's transpiled
// classes call their parent constructor without `new`.
function EventEmitter2() {
  this._events = Object.create(null);
  this._maxListeners = 10;
}
var proto = EventEmitter2.prototype;
function list(self, type) {
  if (!self._events) self._events = Object.create(null);
  return self._events[type] || (self._events[type] = []);
}
proto.on = proto.addListener = function (type, listener) {
  if (typeof listener !== 'function') throw new TypeError('on only accepts instances of Function');
  list(this, type).push(listener);
  return this;
};
proto.prependListener = function (type, listener) {
  list(this, type).unshift(listener);
  return this;
};
proto.once = function (type, listener) {
  var self = this;
  function once() {
    self.off(type, once);
    return listener.apply(this, arguments);
  }
  once.listener = listener;
  return this.on(type, once);
};
proto.off = proto.removeListener = function (type, listener) {
  var l = this._events && this._events[type];
  if (!l) return this;
  for (var i = l.length - 1; i >= 0; i--) {
    if (l[i] === listener || l[i].listener === listener) {
      l.splice(i, 1);
      break;
    }
  }
  if (!l.length) delete this._events[type];
  return this;
};
proto.removeAllListeners = function (type) {
  if (type === undefined) this._events = Object.create(null);
  else if (this._events) delete this._events[type];
  return this;
};
proto.listeners = function (type) {
  return (this._events && this._events[type] || []).slice();
};
proto.listenerCount = function (type) {
  return this._events && this._events[type] ? this._events[type].length : 0;
};
proto.hasListeners = function (type) {
  return type === undefined ? Object.keys(this._events || {}).length > 0 : this.listenerCount(type) > 0;
};
proto.eventNames = function () {
  return Object.keys(this._events || {});
};
proto.setMaxListeners = function (n) {
  this._maxListeners = n;
  return this;
};
proto.getMaxListeners = function () {
  return this._maxListeners;
};
proto.emit = function (type) {
  var l = this._events && this._events[type];
  if (!l || !l.length) return false;
  var args = Array.prototype.slice.call(arguments, 1);
  var fns = l.slice();
  for (var i = 0; i < fns.length; i++) fns[i].apply(this, args);
  return true;
};
proto.emitAsync = function (type) {
  var l = this._events && this._events[type];
  if (!l || !l.length) return Promise.resolve([]);
  var args = Array.prototype.slice.call(arguments, 1);
  var self = this;
  try {
    return Promise.all(l.slice().map(function (fn) { return fn.apply(self, args); }));
  } catch (e) {
    return Promise.reject(e);
  }
};
module.exports = EventEmitter2;
module.exports.EventEmitter2 = EventEmitter2;
module.exports.default = EventEmitter2;
