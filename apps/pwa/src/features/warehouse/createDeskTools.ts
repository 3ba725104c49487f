/**
 * The desk's tools for each component, made once per component under the page's owner: the list
 * of components is re-rendered whenever the dossier changes (a sync, a scan), and the tools (with
 * an open dialog or a scan in progress) must survive that.
 */
import { createComponent, getOwner, runWithOwner, type Accessor, type JSX } from 'solid-js';
import type { Dossier, DossierComponent, Procedure } from '@motcua/model';
import { DeskComponentTools } from './DeskComponentTools.tsx';

export function createDeskTools(source: {
  dossier: Accessor<Dossier | null | undefined>;
  procedure: Accessor<Procedure | null | undefined>;
  agencyName: Accessor<string>;
}): (component: DossierComponent) => JSX.Element {
  const owner = getOwner();
  const made = new Map<string, JSX.Element>();
  return (component) => {
    const id = component.id;
    let tools = made.get(id);
    if (!tools) {
      tools = runWithOwner(owner, () =>
        createComponent(DeskComponentTools, {
          get dossier() {
            return source.dossier()!;
          },
          get component() {
            return source.dossier()?.components.find((c) => c.id === id) ?? component;
          },
          get template() {
            return source.procedure()?.components.find((t) => t.id === id) ?? null;
          },
          get agencyName() {
            return source.agencyName();
          },
        }),
      );
      made.set(id, tools);
    }
    return tools;
  };
}
