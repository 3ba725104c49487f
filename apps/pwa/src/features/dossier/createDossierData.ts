/**
 * Everything a dossier screen shows, live from the local database: the dossier, its files, its
 * history and the agency's name.
 */
import { createSignal, type Accessor } from 'solid-js';
import type { Agency, Dossier, DossierEvent, FileMeta } from '@motcua/model';
import { FileError } from '../../db/index.ts';
import { createQuery, toPlain, toPlainOne } from '../../lib/createQuery.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
import { openDossierFile } from './fileActions.ts';

export interface DossierData {
  dossier: Accessor<Dossier | null | undefined>;
  files: Accessor<Map<string, FileMeta>>;
  events: Accessor<DossierEvent[]>;
  agencyName: Accessor<string>;
  fileError: Accessor<string | null>;
  onFile: (file: FileMeta, mode: 'open' | 'download') => void;
}

export function createDossierData(id: Accessor<string>): DossierData {
  const { db } = useDatabase();
  const dossier = createQuery(() => db.dossiers.findOne(id()).$, (doc) => toPlainOne<Dossier>(doc));
  const files = createQuery(
    () => db.files.find({ selector: { dossierId: id() } }).$,
    (docs) => new Map(toPlain<FileMeta>(docs).map((f) => [f.id, f])),
  );
  const events = createQuery(
    () => db.events.find({ selector: { dossierId: id() } }).$,
    (docs) => toPlain<DossierEvent>(docs).sort((a, b) => a.at.localeCompare(b.at)),
  );
  const agency = createQuery(
    () => {
      const agencyId = dossier()?.agencyId;
      return agencyId ? db.agencies.findOne(agencyId).$ : null;
    },
    (doc) => toPlainOne<Agency>(doc),
  );
  const [fileError, setFileError] = createSignal<string | null>(null);
  return {
    dossier,
    files: () => files() ?? new Map(),
    events: () => events() ?? [],
    agencyName: () => agency()?.name ?? '',
    fileError,
    onFile(file, mode) {
      setFileError(null);
      openDossierFile(db, file.id, file.name, mode).catch((e: unknown) =>
        setFileError(e instanceof FileError ? e.message : `Không mở được tệp ${file.name}.`),
      );
    },
  };
}
