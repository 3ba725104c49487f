import { describe, expect, it } from 'vitest';
import type { Dossier } from '@motcua/model';
import { markReused } from './reuseDocument.ts';

const component = (id: string) => ({ id, name: id, originals: 1, copies: 0, fileIds: ['old'], warehouseDocId: null, reused: false, paperReceived: false });

describe('markReused', () => {
  it('fills only the chosen component with the warehouse file and flags it reused', () => {
    const dossier = { id: 'd1', components: [component('a'), component('b')], updatedAt: 1, updatedBy: 'x' } as unknown as Dossier;
    const next = markReused(dossier, 'b', 'f-new', 'w-1');
    expect(next.components[0]).toEqual(component('a'));
    expect(next.components[1]).toMatchObject({ fileIds: ['f-new'], warehouseDocId: 'w-1', reused: true });
    expect(dossier.components[1]!.reused).toBe(false);
  });
});
