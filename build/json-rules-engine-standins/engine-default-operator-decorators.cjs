'use strict';
// Stands in for json-rules-engine/dist/engine-default-operator-decorators.js: no default decorators
// (someFact, everyValue, not, …). No rule of the project uses one; an operator such as `not:in` is then
// an unknown operator, as any other unknown name.
Object.defineProperty(exports, '__esModule', { value: true });
exports.default = [];
