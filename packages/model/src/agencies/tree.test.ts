import { describe, expect, it } from 'vitest';
import { agenciesUnder } from './tree.ts';

const directory = [
  { id: 'QG', parentId: null },
  { id: 'KT', parentId: 'QG' },
  { id: 'GL', parentId: 'QG' },
  { id: 'DL', parentId: 'KT' },
  { id: 'DM', parentId: 'KT' },
  { id: 'ID', parentId: 'GL' },
];

describe('agenciesUnder', () => {
  it('gives the agency and everything below it, parents first', () => {
    expect(agenciesUnder(directory, 'KT')).toEqual(['KT', 'DL', 'DM']);
    expect(agenciesUnder(directory, 'QG')).toEqual(['QG', 'KT', 'GL', 'DL', 'DM', 'ID']);
    expect(agenciesUnder(directory, 'DL')).toEqual(['DL']);
  });

  it('ends on a cycle and knows an agency missing from the directory only as itself', () => {
    expect(agenciesUnder([...directory, { id: 'KT', parentId: 'DL' }], 'KT')).toEqual(['KT', 'DL', 'DM']);
    expect(agenciesUnder(directory, 'nope')).toEqual(['nope']);
  });
});
