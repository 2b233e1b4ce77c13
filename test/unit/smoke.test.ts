import { describe, expect, it } from 'vitest';
import { REGION_IDS } from '../../data/schema';

describe('region ids', () => {
  it('lists the 33 provincial-level regions in order', () => {
    expect(REGION_IDS).toHaveLength(33);
    expect([...REGION_IDS].sort()).toEqual([...REGION_IDS]);
  });
});
