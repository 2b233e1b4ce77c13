// @vitest-environment node
/** The contracts other tools rely on (README, "Contracts for other tools") and the code agree. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REGION_IDS } from '../../data/schema';

const README = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

describe('region ids', () => {
  it('are exactly the 33 ids the README promises, in its order', () => {
    const section = README.slice(README.indexOf('## Contracts for other tools'));
    const listed = /- Region ids: ([a-z\s-]+?)\.\n/.exec(section)?.[1]?.split(/\s+/) ?? [];
    expect(listed).toHaveLength(33);
    expect([...REGION_IDS]).toEqual(listed);
  });
});
