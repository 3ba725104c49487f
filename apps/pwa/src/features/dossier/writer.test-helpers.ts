import * as Automerge from '@automerge/automerge';
import type { DossierWriterOptions } from './makeDossierWriter.ts';
import { newActorId } from '../../db/content-engine.ts';

/** What a writer in a Node test records content with: Automerge itself, a fresh actor per change. */
export const testContent: Pick<DossierWriterOptions, 'engine' | 'newActor'> = {
  engine: async () => Automerge,
  newActor: newActorId,
};
