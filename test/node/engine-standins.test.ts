// The bundles replace json-rules-engine's dependencies eventemitter2, clone, hash-it and jsonpath-plus
// with small stand-ins (build/json-rules-engine-standins). These tests hold the stand-ins to the
// originals' behaviour for the API the engine uses, and run the engine itself on them with every
// member read watched: a member the original has and the stand-in lacks fails the test, so an engine
// version that starts using more of a replaced API is caught (json-rules-engine is pinned to an exact
// version in package.json, and the bundles are only built with that one).
import { expect } from 'chai';
import Module, { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- a plain .mjs config without types
import { ENGINE_STANDINS } from '../../rollup.config.mjs';
import RealEmitter from 'eventemitter2';
// @ts-expect-error: clone ships no types
import realClone from 'clone';

const require = createRequire(import.meta.url);
const Emitter = require('../../build/json-rules-engine-standins/eventemitter2.cjs');
const clone = require('../../build/json-rules-engine-standins/clone.cjs');
const hash = require('../../build/json-rules-engine-standins/hash-it.cjs');

describe('json-rules-engine stand-ins', () => {
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

  it('clone: shares a value only when it is frozen all the way down', () => {
    const deep = Object.freeze({ a: Object.freeze([1, Object.freeze({ b: 2 })]) });
    expect(clone(deep)).to.equal(deep);
    const shallow = Object.freeze({ a: [1, { b: 2 }] });
    const copy = clone(shallow);
    expect(copy).not.to.equal(shallow);
    expect(copy.a).not.to.equal(shallow.a);
    copy.a[1].b = 3;
    expect((shallow.a[1] as { b: number }).b).to.equal(2);
    // frozen, but a Map inside can still change
    const withMap = Object.freeze({ m: Object.freeze(new Map([[1, 2]])) });
    expect(clone(withMap)).not.to.equal(withMap);
    // frozen, but a getter may return something new each time
    const withGetter = Object.freeze(Object.defineProperty({}, 'g', { get: () => ({}), enumerable: true }));
    expect(clone(withGetter)).not.to.equal(withGetter);
    // a frozen cycle is deeply frozen; a frozen cycle with a mutable member is not, asked twice
    const c: any = { x: 1 };
    c.self = c;
    Object.freeze(c);
    expect(clone(c)).to.equal(c);
    const d: any = { list: [] };
    const e: any = Object.freeze({ d });
    d.e = e;
    Object.freeze(d);
    expect(clone(e)).not.to.equal(e);
    expect(clone(d)).not.to.equal(d);
    expect(clone(e)).not.to.equal(e);
  });

  it('hash: equal for equal params whatever the key order, different otherwise', () => {
    expect(hash({ params: { a: 1, b: [1, 2] }, id: 'x' })).to.equal(hash({ id: 'x', params: { b: [1, 2], a: 1 } }));
    expect(hash({ params: { a: 1 }, id: 'x' })).not.to.equal(hash({ params: { a: '1' }, id: 'x' }));
    expect(hash({ params: {}, id: 'x' })).not.to.equal(hash({ params: {}, id: 'y' }));
  });
});

const standinDir = fileURLToPath(new URL('../../build/json-rules-engine-standins/', import.meta.url));
const engineDir = dirname(require.resolve('json-rules-engine/package.json'));
const REPLACED = ['eventemitter2', 'clone', 'hash-it', 'jsonpath-plus'] as const;

/** A fresh instance of a CommonJS file (its own prototype objects, so a test may change them). */
function fresh(file: string): any {
  const path = require.resolve(file);
  const saved = require.cache[path];
  delete require.cache[path];
  try {
    return require(path);
  } finally {
    if (saved) require.cache[path] = saved;
    else delete require.cache[path];
  }
}

/**
 * The stand-ins wrapped so that every member read the engine makes is checked against the original:
 * reading a member the original has and the stand-in does not is recorded in `missing`. Module members
 * are watched by a Proxy around each module; members of emitter instances (the engine's Engine and Rule
 * classes extend the emitter) by a Proxy put at the end of the stand-in prototype's chain, which every
 * lookup that finds nothing on the instance, its classes and the stand-in reaches.
 */
async function watchedStandins(change?: (standins: Record<string, any>) => void) {
  const missing = new Set<string>();
  const standins: Record<string, any> = {
    eventemitter2: fresh(join(standinDir, 'eventemitter2.cjs')),
    clone: fresh(join(standinDir, 'clone.cjs')),
    'hash-it': fresh(join(standinDir, 'hash-it.cjs')),
    'jsonpath-plus': { ...(await import(join(standinDir, 'jsonpath-plus.js'))) },
  };
  change?.(standins);
  const originals: Record<string, any> = Object.fromEntries(REPLACED.map((n) => [n, require(n)]));
  const realEmitter = new originals['eventemitter2']();
  const tail = new Proxy(Object.prototype, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !(key in target) && key in realEmitter)
        missing.add(`eventemitter2 instance .${key}`);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === 'string' && !(key in target) && key in realEmitter)
        missing.add(`eventemitter2 instance .${key}`);
      return Reflect.has(target, key);
    },
  });
  Object.setPrototypeOf(standins['eventemitter2'].prototype, tail);
  const watched: Record<string, unknown> = {};
  for (const name of REPLACED) {
    const original = originals[name];
    watched[name] = new Proxy(standins[name], {
      get(target, key, receiver) {
        // __esModule is read by Babel's interop, which handles a module with or without it alike.
        if (typeof key === 'string' && key !== '__esModule' && !(key in target) && key in original)
          missing.add(`${name} .${key}`);
        return Reflect.get(target, key, receiver);
      },
    });
  }
  return { missing, watched };
}

/** json-rules-engine's dist loaded afresh, its requires of the replaced packages answered by `modules`. */
function engineWith(modules: Record<string, unknown>): typeof import('json-rules-engine') {
  const distDir = join(engineDir, 'dist') + '/';
  const saved = Object.keys(require.cache).filter((k) => k.startsWith(distDir));
  const cached = saved.map((k) => [k, require.cache[k]] as const);
  for (const k of saved) delete require.cache[k];
  const M = Module as unknown as {
    _load: (request: string, parent: { filename?: string } | null, isMain: boolean) => unknown;
  };
  const load = M._load;
  M._load = function (request, parent, isMain) {
    if (parent?.filename?.startsWith(distDir) && request in modules) return modules[request];
    return load.call(this, request, parent, isMain);
  };
  try {
    return require(join(distDir, 'json-rules-engine.js'));
  } finally {
    M._load = load;
    for (const k of Object.keys(require.cache)) if (k.startsWith(distDir)) delete require.cache[k];
    for (const [k, v] of cached) require.cache[k] = v;
  }
}

/** The engine's code paths the project uses (and the events API around them), on many reports. */
async function exercise(jre: typeof import('json-rules-engine')) {
  const { registerFacts, dottedPathResolver, RULES } = await import('../../src/rules/index.js');
  const { PROSE_RULES } = await import('../../src/rules/prose.js');
  const { consistentReport, setPath } = await import('../helpers/reports.js');
  const engine = new jre.Engine([], { allowUndefinedFacts: false, pathResolver: dottedPathResolver });
  registerFacts(engine as never, [PROSE_RULES]);
  for (const r of [...RULES, ...PROSE_RULES.rules]) engine.addRule(r as never);
  // the parts of the API a host touches around a run: listeners, a cached fact (hash-it), a removed rule
  const seen: string[] = [];
  engine.on('success', (e) => void seen.push('+' + e.type));
  engine.on('failure', (e) => void seen.push('-' + e.type));
  engine.addFact('cachedTier', async (params: { tier?: string }) => params.tier ?? null, { cache: true });
  const extra = new jre.Rule({
    name: 'CACHED',
    conditions: { all: [{ fact: 'cachedTier', params: { tier: 'county' }, operator: 'equal', value: 'county' }] },
    event: { type: 'CACHED' },
    onSuccess: () => void seen.push('rule onSuccess'),
  });
  engine.addRule(extra);
  const events: string[][] = [];
  for (let i = 0; i < 30; i++) {
    const report = consistentReport({ format: i % 2 ? '2019' : '2021', seed: i + 1 });
    if (i % 3 === 0) setPath(report, 'applications.total.natural', 1e6);
    if (i % 4 === 0) setPath(report, 'appeals.reconsideration.total', null);
    const previous =
      i % 5 === 0 ? consistentReport({ format: '2021', seed: i + 99, year: report.year - 1 }) : undefined;
    const facts =
      i % 2
        ? { report, previous: previous ?? null }
        : {
            report: new jre.Fact('report', report as never, { cache: false }),
            previous: new jre.Fact('previous', (previous ?? null) as never, { cache: false }),
          };
    const { events: ev, results, failureResults } = await engine.run(facts);
    events.push(ev.map((e) => e.type).sort());
    expect(results.length + failureResults.length).to.equal(RULES.length + PROSE_RULES.rules.length + 1);
  }
  engine.removeRule(extra);
  await engine.run({ report: consistentReport({ seed: 3 }) });
  (engine as unknown as { removeAllListeners(): void }).removeAllListeners();
  return { events, seen };
}

describe('json-rules-engine on the stand-ins, every member read watched', () => {
  it('json-rules-engine is pinned to an exact version, the one installed', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8'));
    const pinned = pkg.devDependencies['json-rules-engine'];
    expect(pinned).to.match(/^\d+\.\d+\.\d+$/);
    expect(lock.packages[''].devDependencies['json-rules-engine']).to.equal(pinned);
    expect(lock.packages['node_modules/json-rules-engine'].version).to.equal(pinned);
    expect(require('json-rules-engine/package.json').version).to.equal(pinned);
  });

  it('its code requires nothing but its own files and the four packages the stand-ins replace', () => {
    const required = new Set<string>();
    for (const f of readdirSync(join(engineDir, 'dist')).filter((f) => f.endsWith('.js')))
      for (const m of readFileSync(join(engineDir, 'dist', f), 'utf8').matchAll(/require\(['"]([^'"]+)['"]\)/g))
        if (!m[1]!.startsWith('.')) required.add(m[1]!);
    // debug: the engine's own optional logging, read from process.env / localStorage, no package
    expect([...required].sort()).to.deep.equal([...REPLACED].sort());
  });

  it("runs the project's rules reading no member that an original has and its stand-in lacks, with the results of the originals", async () => {
    const { missing, watched } = await watchedStandins();
    // the engine's own modules the bundles replace too (rollup.config.mjs ENGINE_STANDINS)
    const own = Object.fromEntries(
      (ENGINE_STANDINS as string[]).map((n) => [`./${n}`, fresh(join(standinDir, `${n}.cjs`))]),
    );
    const onStandins = await exercise(engineWith({ ...watched, ...own }));
    expect([...missing]).to.deep.equal([]);
    const onOriginals = await exercise(engineWith(Object.fromEntries(REPLACED.map((n) => [n, require(n)]))));
    expect(onStandins).to.deep.equal(onOriginals);
    expect(onStandins.events.flat()).to.include.members(['T3-BAL', 'T3-TOTAL', 'BLANK', 'CACHED']);
    expect(onStandins.seen).to.include('rule onSuccess');
  });

  it('the rules use no operator decorator (the bundles leave out the default ones) and log nothing', async () => {
    const { RULES } = await import('../../src/rules/index.js');
    const { PROSE_RULES } = await import('../../src/rules/prose.js');
    const operators = JSON.stringify([...RULES, ...PROSE_RULES.rules]).match(/(?<="operator":")[^"]*/g) ?? [];
    expect(operators.length).to.be.greaterThan(0);
    expect(operators.filter((o) => o.includes(':'))).to.deep.equal([]);
    expect(fresh(join(standinDir, 'engine-default-operator-decorators.cjs')).default).to.deep.equal([]);
    expect(fresh(join(standinDir, 'debug.cjs')).default('x')).to.equal(undefined);
  });

  it('notices a member the stand-in lacks (here: an emitter without emitAsync)', async () => {
    const { missing, watched } = await watchedStandins((s) => delete s['eventemitter2'].prototype.emitAsync);
    let error: unknown;
    await exercise(engineWith(watched)).catch((e) => (error = e));
    expect(String(error)).to.match(/emitAsync/);
    expect([...missing]).to.include('eventemitter2 instance .emitAsync');
  });
});
