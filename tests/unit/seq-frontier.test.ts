import { describe, expect, it } from 'vitest';
import { SeqFrontier } from '../../server/sync/seqFrontier';

describe('SeqFrontier (which logged updates a room holds)', () => {
  it('advances through consecutive batches', () => {
    const seqs = new SeqFrontier(4);
    seqs.add(5, 5);
    seqs.add(6, 9);
    expect([seqs.through, seqs.last]).toEqual([9, 9]);
  });

  it('stops at a seq another process took, and moves on once it is held', () => {
    const seqs = new SeqFrontier(0);
    seqs.add(1, 2);
    seqs.add(4, 5); // seq 3 went to another process
    seqs.add(8, 8);
    expect([seqs.through, seqs.last]).toEqual([2, 8]);
    seqs.add(3, 3);
    expect([seqs.through, seqs.last]).toEqual([5, 8]);
    seqs.add(6, 7);
    expect([seqs.through, seqs.last]).toEqual([8, 8]);
  });

  it('ignores what it holds already', () => {
    const seqs = new SeqFrontier(10);
    seqs.add(3, 7);
    seqs.add(12, 14);
    seqs.add(12, 13);
    expect([seqs.through, seqs.last]).toEqual([10, 14]);
  });
});
