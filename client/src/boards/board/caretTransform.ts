/** One operation of a Y.Text change delta. */
export interface TextDeltaOp {
  insert?: unknown;
  retain?: number;
  delete?: number;
}

/**
 * Where a caret at `index` ends up after a remote change described by `delta`: text inserted before
 * it pushes it right, text deleted before it pulls it left; an insertion exactly at the caret stays
 * after it (so your caret does not jump over what someone else types at the same spot).
 */
export function transformCaret(index: number, delta: readonly TextDeltaOp[]): number {
  let cursor = 0;
  let result = index;
  for (const op of delta) {
    if (op.retain !== undefined) {
      cursor += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (cursor < index) result += length;
    } else if (op.delete !== undefined) {
      if (cursor < index) result -= Math.min(op.delete, index - cursor);
      cursor += op.delete;
    }
    if (cursor >= index) break;
  }
  return Math.max(0, result);
}
