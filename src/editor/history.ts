/**
 * Undo and redo for the editor: each step is a list of cell changes made together (one typed cell
 * edit, one accepted offer, one whole paste), undone and redone as one.
 */
export interface CellChange {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

export class History {
  private done: CellChange[][] = [];
  private undone: CellChange[][] = [];

  constructor(private readonly limit = 500) {}

  /** Record a step (changes whose value did not change are left out; an empty step is not recorded). */
  push(changes: readonly CellChange[]): void {
    const real = changes.filter((c) => !Object.is(c.before, c.after));
    if (!real.length) return;
    this.done.push(real);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  /** The step to undo, as the changes to apply (after → before), newest last; undefined when none. */
  undo(): CellChange[] | undefined {
    const step = this.done.pop();
    if (!step) return undefined;
    this.undone.push(step);
    return step.map((c) => ({ path: c.path, before: c.after, after: c.before })).reverse();
  }

  /** The step to redo, as the changes to apply; undefined when none. */
  redo(): CellChange[] | undefined {
    const step = this.undone.pop();
    if (!step) return undefined;
    this.done.push(step);
    return step;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }
}
