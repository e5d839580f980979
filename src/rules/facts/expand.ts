/**
 * Expansion of the compact declarations in rule files into concrete cell paths.
 *
 *   "for": { "col": "@applications.columns" }      one instance per member (cartesian over several vars)
 *   "sum": { "row": "@applications.results" }      terms repeated over the members, within one side
 *   "applications.{row}.{col}"                      a term template; `{var}` takes the member's key
 *   "-proactive.{doc}.repealed"                     a leading "-" subtracts the term
 *   "previous:applications.carriedForward.{col}"    a cell of last year's report
 *
 * A set is `@name` (a named set derived from the layout, see context.ts) or a literal array of keys.
 */
import type { Text } from '../../model/layout.js';
import type { SetItem } from '../context.js';

export type SetRef = string | readonly string[];
export type VarSpec = Readonly<Record<string, SetRef>>;

export interface TermRef {
  readonly path: string;
  readonly sign: 1 | -1;
  readonly previous: boolean;
}

export interface Instance {
  /** Members bound to the `for` variables. */
  readonly vars: Readonly<Record<string, SetItem>>;
  readonly sides: readonly (readonly TermRef[])[];
}

export class RuleFileError extends Error {
  override name = 'RuleFileError';
}

export function resolveSet(ref: SetRef, sets: Readonly<Record<string, readonly SetItem[]>>): readonly SetItem[] {
  if (typeof ref === 'string') {
    if (!ref.startsWith('@')) throw new RuleFileError(`set reference must start with "@": ${ref}`);
    const set = sets[ref.slice(1)];
    if (!set)
      throw new RuleFileError(
        `unknown named set ${ref}; known: ${Object.keys(sets)
          .map((k) => '@' + k)
          .join(', ')}`,
      );
    return set;
  }
  if (!Array.isArray(ref)) throw new RuleFileError(`a set is "@name" or an array of keys`);
  return ref.map((key): SetItem => ({ key, label: { zh: key, en: key } as Text }));
}

function bindings(
  spec: VarSpec | undefined,
  sets: Readonly<Record<string, readonly SetItem[]>>,
): Record<string, SetItem>[] {
  let out: Record<string, SetItem>[] = [{}];
  for (const [name, ref] of Object.entries(spec ?? {})) {
    const members = resolveSet(ref, sets);
    out = out.flatMap((b) => members.map((m) => ({ ...b, [name]: m })));
  }
  return out;
}

const VAR = /\{(\w+)\}/g;

function fill(template: string, binding: Readonly<Record<string, SetItem>>): string {
  return template.replace(VAR, (_whole, name: string) => {
    const m = binding[name];
    if (!m) throw new RuleFileError(`unbound variable {${name}} in "${template}"`);
    return m.key;
  });
}

function term(text: string): TermRef {
  let path = text;
  let sign: 1 | -1 = 1;
  if (path.startsWith('-')) {
    sign = -1;
    path = path.slice(1);
  }
  const previous = path.startsWith('previous:');
  if (previous) path = path.slice('previous:'.length);
  return { path, sign, previous };
}

/** Expand the templates of each side, once per `for` binding, repeating `sum` variables within a side. */
export function expand(
  spec: { for?: VarSpec; sum?: VarSpec },
  sides: readonly (readonly string[])[],
  sets: Readonly<Record<string, readonly SetItem[]>>,
): Instance[] {
  const sumVars = Object.keys(spec.sum ?? {});
  return bindings(spec.for, sets).map((vars) => ({
    vars,
    sides: sides.map((templates) =>
      templates.flatMap((tpl) => {
        const used = sumVars.filter((v) => tpl.includes(`{${v}}`));
        const inner = used.length ? bindings(Object.fromEntries(used.map((v) => [v, spec.sum![v]!])), sets) : [{}];
        return inner.map((b) => term(fill(tpl, { ...vars, ...b })));
      }),
    ),
  }));
}

const compiled = new Map<string, Instance[]>();

/** `expand`, memoized by the declaration and the layout it is expanded against. */
export function expandCached(
  layoutKey: string,
  spec: { for?: VarSpec; sum?: VarSpec },
  sides: readonly (readonly string[])[],
  sets: Readonly<Record<string, readonly SetItem[]>>,
): Instance[] {
  const key = layoutKey + JSON.stringify(spec) + JSON.stringify(sides);
  let out = compiled.get(key);
  if (!out) {
    out = expand(spec, sides, sets);
    if (compiled.size > 500) compiled.clear();
    compiled.set(key, out);
  }
  return out;
}
