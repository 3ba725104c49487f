/**
 * @module dossier/content — a dossier's editable content (applicant, summary, components, return
 * method, notifications) as an Automerge document, so that concurrent offline edits merge field by
 * field instead of one whole version winning.
 *
 * @remarks The model has no runtime dependencies: callers pass the Automerge module in as a
 * {@link ContentEngine} (the server imports it, the PWA loads it lazily). The document is stored on
 * the dossier in `content` (see `content-bytes.ts` for the canonical byte form); the plain fields
 * stay on the dossier as its projection, and every write keeps them equal to it.
 *
 * Document shape: the content fields as they are, strings as immutable strings (a concurrent edit of
 * one field is a register with one deterministic winner, never interleaved characters), scalar lists
 * (`fileIds`) as Automerge lists (concurrent additions both survive; the projection drops repeats),
 * and `components` as a map by component id whose entries carry a `position` for their order.
 */
import { canonicalJson } from '../canonical-json.ts';
import type { Dossier } from '../schemas/dossier.schema.ts';
import { decodeBase64, joinChanges } from './content-bytes.ts';

/** The part of the Automerge API this module uses (`typeof import('@automerge/automerge')` fits). */
/* eslint-disable @typescript-eslint/no-explicit-any -- an Automerge document is opaque here: the engine's own generic `Doc<T>` must fit */
export interface ContentEngine {
  init(options?: { actor?: string }): unknown;
  load(data: Uint8Array, options?: { actor?: string }): unknown;
  change(doc: any, options: { time?: number }, callback: (doc: any) => void): unknown;
  getAllChanges(doc: any): Uint8Array[];
  getHeads(doc: any): string[];
  /** Hashes of changes the document needs but does not hold (a change whose dependency is missing). */
  getMissingDeps(doc: any, heads: string[]): string[];
  getLastLocalChange(doc: any): Uint8Array | undefined;
  loadIncremental(doc: any, data: Uint8Array): unknown;
  ImmutableString: new (value: string) => unknown;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The dossier fields the content document holds. */
export const CONTENT_FIELDS = ['applicant', 'summary', 'components', 'returnMethod', 'notify'] as const;
export type DossierContent = Pick<Dossier, (typeof CONTENT_FIELDS)[number]>;

/** Largest accepted content, in bytes before base64. */
export const MAX_CONTENT_BYTES = 256 * 1024;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type AmMap = Record<string, unknown>;

export function contentOf(dossier: DossierContent): DossierContent {
  return {
    applicant: dossier.applicant,
    summary: dossier.summary,
    components: dossier.components,
    returnMethod: dossier.returnMethod,
    notify: dossier.notify,
  };
}

const same = (a: unknown, b: unknown): boolean =>
  a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function toAm(am: ContentEngine, value: unknown): unknown {
  if (typeof value === 'string') return new am.ImmutableString(value);
  if (Array.isArray(value)) return value.map((v) => toAm(am, v));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, toAm(am, v)]));
  return value;
}

function docShape(am: ContentEngine, content: DossierContent): AmMap {
  const { components, ...rest } = content;
  return {
    ...(toAm(am, rest) as AmMap),
    components: Object.fromEntries(components.map(({ id, ...c }, position) => [id, toAm(am, { ...c, position })])),
  };
}

/** The content fields an Automerge document holds: those only, whatever else a change wrote in it. */
function projectDoc(doc: unknown): DossierContent {
  const all = JSON.parse(JSON.stringify(doc)) as Record<string, Json>;
  const plain = Object.fromEntries(CONTENT_FIELDS.filter((key) => Object.hasOwn(all, key)).map((key) => [key, all[key]!])) as Record<string, Json>;
  const components = Object.entries((plain.components ?? {}) as Record<string, Record<string, Json>>)
    .map(([id, { position, ...c }]) => ({ id, position: Number(position), c }))
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id, c }) => ({ id, ...c, fileIds: [...new Set((c.fileIds ?? []) as string[])] }));
  const { components: _ignored, ...rest } = plain;
  return { ...rest, components } as unknown as DossierContent;
}

/** The content fields a content string holds. Throws when it is not a loadable document. */
export function projectContent(am: ContentEngine, content: string): DossierContent {
  return projectDoc(am.load(decodeBase64(content)));
}

/**
 * The content fields of a content string that must hold every change it depends on, and the keys
 * at its top that are not content fields (none, for a sound one).
 * @returns null when some change's dependency is missing (the change would silently not apply).
 */
export function projectCompleteContent(am: ContentEngine, content: string): { content: DossierContent; foreign: string[] } | null {
  // `load` throws on a missing dependency; loading incrementally keeps such a change queued instead.
  const doc = am.loadIncremental(am.init(), decodeBase64(content)) as Record<string, unknown>;
  if (am.getMissingDeps(doc, []).length > 0) return null;
  const foreign = Object.keys(doc).filter((key) => !(CONTENT_FIELDS as readonly string[]).includes(key));
  return { content: projectDoc(doc), foreign };
}

/**
 * The Automerge change (base64) that turns `content` into `next`'s content fields, made by `actor`;
 * null when nothing differs. A device gives each action's change a fresh actor, so no change of its
 * own is ever numbered twice whatever the server refused or the device lost.
 */
export function contentChange(am: ContentEngine, content: string, next: DossierContent, actor: string): string | null {
  const prev = projectContent(am, content);
  const wanted = contentOf(next);
  if (same(prev, wanted)) return null;
  const change = am.getLastLocalChange(editDoc(am, content, prev, wanted, actor));
  return change ? joinChanges([change]) : null;
}

const SEED_PROVISIONAL_ACTOR = '5eed';

/**
 * The initial content of a dossier written before content existed (or newly created): one change at
 * time 0 whose actor is derived from the fields it writes (the first 16 bytes of the hash of the same
 * change made by a fixed actor). Two devices that seed the same dossier state make the identical
 * change, so it is never duplicated; seeds of different states get different actors and merge.
 */
export function seedContent(am: ContentEngine, dossier: DossierContent): string {
  const fill = (d: AmMap) => Object.assign(d, docShape(am, contentOf(dossier)));
  const provisional = am.change(am.init({ actor: SEED_PROVISIONAL_ACTOR }), { time: 0 }, fill);
  const actor = am.getHeads(provisional)[0]!.slice(0, 32);
  return joinChanges(am.getAllChanges(am.change(am.init({ actor }), { time: 0 }, fill)));
}

function setList(list: unknown[], prev: unknown[], next: unknown[], am: ContentEngine): boolean {
  const text = (v: unknown) => canonicalJson(JSON.parse(JSON.stringify(v ?? null)));
  const nextTexts = new Set(next.map(text));
  const kept = prev.filter((v) => nextTexts.has(text(v)));
  if (!kept.every((v, i) => same(v, next[i]))) return false;
  const gone = new Set(prev.filter((v) => !nextTexts.has(text(v))).map(text));
  for (let i = list.length - 1; i >= 0; i--) if (gone.has(text(list[i]))) list.splice(i, 1);
  for (const v of next.slice(kept.length)) list.push(toAm(am, v));
  return true;
}

/** Writes `next` over `prev` at `target[key]`, touching only what differs. */
function setValue(am: ContentEngine, target: AmMap, key: string, prev: unknown, next: unknown): void {
  if (same(prev, next)) return;
  if (next === undefined) {
    delete target[key];
    return;
  }
  const current = target[key];
  if (isObject(prev) && isObject(next) && isObject(current)) {
    for (const k of new Set([...Object.keys(prev), ...Object.keys(next)])) setValue(am, current, k, prev[k], next[k]);
    return;
  }
  if (Array.isArray(prev) && Array.isArray(next) && Array.isArray(current) && setList(current, prev, next, am)) return;
  target[key] = toAm(am, next);
}

function setComponents(am: ContentEngine, map: AmMap, prev: DossierContent['components'], next: DossierContent['components']): void {
  const before = new Map(prev.map((c) => [c.id, c]));
  const ids = new Set(next.map((c) => c.id));
  for (const id of Object.keys(map)) if (!ids.has(id)) delete map[id];
  next.forEach(({ id, ...fields }, position) => {
    const old = before.get(id);
    const entry = map[id];
    if (!old || !isObject(entry)) {
      map[id] = toAm(am, { ...fields, position });
      return;
    }
    const { id: _ignored, ...oldFields } = old;
    for (const k of new Set([...Object.keys(oldFields), ...Object.keys(fields)])) {
      setValue(am, entry, k, (oldFields as AmMap)[k], (fields as AmMap)[k]);
    }
    if (entry.position !== position) entry.position = position;
  });
}

function editDoc(am: ContentEngine, content: string, prev: DossierContent, wanted: DossierContent, actor: string, time?: number): unknown {
  const doc = am.load(decodeBase64(content), { actor });
  return am.change(doc, time === undefined ? {} : { time }, (d: AmMap) => {
    for (const key of CONTENT_FIELDS) {
      if (key === 'components') setComponents(am, d.components as AmMap, prev.components, wanted.components);
      else setValue(am, d, key, prev[key], wanted[key]);
    }
  });
}

/**
 * Records an edit of the content fields as one Automerge change by `actor`, diffed from what
 * `content` holds: only the fields that differ are written, components by id, so a concurrent edit
 * of another field or component survives the merge. Returns `content` itself when nothing changed.
 *
 * @param actor the writing device's actor id (hex). Without one, the change is made at time 0 by an
 * actor derived from the change itself, like a seed: the same edit of the same content is then the
 * identical change wherever and however often it is recorded (the server records this way the edits
 * of clients that send no content).
 */
export function recordContentEdit(am: ContentEngine, content: string, next: DossierContent, actor?: string): string {
  const prev = projectContent(am, content);
  const wanted = contentOf(next);
  if (same(prev, wanted)) return content;
  let derived = actor;
  if (derived === undefined) {
    const provisional = editDoc(am, content, prev, wanted, SEED_PROVISIONAL_ACTOR, 0);
    derived = am.getHeads(provisional)[0]!.slice(0, 32);
  }
  return joinChanges(am.getAllChanges(editDoc(am, content, prev, wanted, derived, actor === undefined ? 0 : undefined)));
}

/** The dossier with `content` (seeded when it has none) and its plain content fields projected from it. */
export function withContent<T extends Dossier>(am: ContentEngine, dossier: T): T & { content: string } {
  const content = typeof dossier.content === 'string' ? dossier.content : seedContent(am, dossier);
  return { ...dossier, ...projectContent(am, content), content };
}

/** True when `next` leaves the content fields of `previous` (which has its content) as they were. */
export function keepsContent(previous: Dossier | null, next: DossierContent): previous is Dossier & { content: string } {
  return typeof previous?.content === 'string' && same(contentOf(previous), contentOf(next));
}

/**
 * A local write of a dossier: `next`'s content fields recorded as a change by `actor` on top of
 * `previous`'s content (seeded when missing); `next.content` itself is ignored. With no previous
 * version (a new dossier), the content is seeded.
 */
export function writeDossierContent<T extends Dossier>(am: ContentEngine, previous: Dossier | null, next: T, actor?: string): T & { content: string } {
  // A status move, a date, a decision: the content is the previous one, nothing to load.
  if (keepsContent(previous, next)) return { ...next, content: previous.content };
  const base = previous ? withContent(am, previous).content : seedContent(am, next);
  const content = recordContentEdit(am, base, next, actor);
  return { ...next, ...projectContent(am, content), content };
}

/** The reason `dossier.content` does not match its plain fields, or null when it does. */
export function contentMismatch(am: ContentEngine, dossier: Dossier): string | null {
  if (typeof dossier.content !== 'string') return null;
  const projected = projectContent(am, dossier.content);
  for (const key of CONTENT_FIELDS) if (!same(projected[key], dossier[key])) return key;
  return null;
}
