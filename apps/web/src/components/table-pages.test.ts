import { describe, expect, it } from 'vitest';
import { pageList } from './table-pages';

describe('pageList', () => {
  it('shows every page of a short table', () => {
    expect(pageList(1, 1)).toEqual([1]);
    expect(pageList(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it('shows the ends and the neighbourhood of the current page, gaps between', () => {
    expect(pageList(1, 296)).toEqual([1, 2, 3, 'gap', 296]);
    expect(pageList(50, 296)).toEqual([1, 'gap', 48, 49, 50, 51, 52, 'gap', 296]);
    expect(pageList(296, 296)).toEqual([1, 'gap', 294, 295, 296]);
    expect(pageList(4, 10)).toEqual([1, 2, 3, 4, 5, 6, 'gap', 10]);
  });
});
