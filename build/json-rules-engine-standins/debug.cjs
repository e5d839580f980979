'use strict';
// Stands in for json-rules-engine/dist/debug.js: logging off (the original logs only when DEBUG or
// localStorage.debug names json-rules-engine).
Object.defineProperty(exports, '__esModule', { value: true });
exports.default = function () {};
