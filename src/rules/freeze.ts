/** Freeze a JSON value all the way down (rule files are constants, shared by the engine's clone stand-in: build/json-rules-engine-standins/clone.cjs). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
