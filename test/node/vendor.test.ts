// The bundles replace json-rules-engine's dependencies eventemitter2, clone and hash-it with small
// stand-ins (src/rules/vendor). These tests hold the stand-ins to the originals' behaviour for the
// API the engine uses, and run the engine itself with them.
import { expect } from 'chai';
import { createRequire } from 'node:module';
import RealEmitter from 'eventemitter2';
// @ts-expect-error: clone ships no types
import realClone from 'clone';

const require = createRequire(import.meta.url);
const Emitter = require('../../src/rules/vendor/eventemitter.cjs');
const clone = require('../../src/rules/vendor/clone.cjs');
const hash = require('../../src/rules/vendor/hash.cjs');

describe('vendor stand-ins', () => {
  for (const [name, E] of [
    ['eventemitter2', (RealEmitter as any).EventEmitter2 ?? RealEmitter],
    ['stand-in', Emitter],
  ] as const) {
    it(`${name}: on / once / off / emit / emitAsync, and subclassing without new`, async () => {
      function Sub(this: any) {
        E.call(this);
      }
      Sub.prototype = Object.create(E.prototype);
      const e = new (Sub as any)();
      const calls: string[] = [];
      const f = (x: string) => calls.push('f' + x);
      e.on('a', f);
      e.once('a', (x: string) => calls.push('once' + x));
      expect(e.emit('a', 1)).to.equal(true);
      e.emit('a', 2);
      e.off('a', f);
      expect(e.emit('a', 3)).to.equal(false);
      e.on('b', async (x: number) => x * 2);
      expect(await e.emitAsync('b', 21)).to.deep.equal([42]);
      expect(await e.emitAsync('none')).to.deep.equal([]);
      expect(calls).to.deep.equal(['f1', 'once1', 'f2']);
      expect(e.listenerCount('b')).to.equal(1);
    });
  }

  it('clone: deep copies with prototypes, Dates, Maps, cycles, like clone', () => {
    class C {
      constructor(public x: unknown) {}
      m() {
        return 1;
      }
    }
    const a: any = { c: new C([1, { d: new Date(5) }]), m: new Map([[1, { y: 2 }]]), s: new Set([1]) };
    a.self = a;
    for (const copy of [clone(a), realClone(a)]) {
      expect(copy).not.to.equal(a);
      expect(copy.c).to.be.instanceOf(C);
      expect(copy.c.m()).to.equal(1);
      expect(copy.c.x).to.deep.equal([1, { d: new Date(5) }]);
      expect(copy.c.x).not.to.equal(a.c.x);
      expect(copy.m.get(1)).to.deep.equal({ y: 2 });
      expect(copy.self).to.equal(copy);
    }
  });

  it('hash: equal for equal params whatever the key order, different otherwise', () => {
    expect(hash({ params: { a: 1, b: [1, 2] }, id: 'x' })).to.equal(hash({ id: 'x', params: { b: [1, 2], a: 1 } }));
    expect(hash({ params: { a: 1 }, id: 'x' })).not.to.equal(hash({ params: { a: '1' }, id: 'x' }));
    expect(hash({ params: {}, id: 'x' })).not.to.equal(hash({ params: {}, id: 'y' }));
  });
});
