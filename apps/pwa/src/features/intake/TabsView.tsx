/**
 * Accessible tabs (WAI-ARIA tabs pattern): arrow keys move between tabs, each panel is labelled by
 * its tab, and a tab with problems says so.
 */
import { For, type JSX } from 'solid-js';

export interface Tab {
  id: string;
  label: string;
  /** Number of problems to fix on this tab. */
  problems?: number;
}

export interface TabsViewProps {
  label: string;
  tabs: Tab[];
  active: string;
  onSelect: (id: string) => void;
  children: JSX.Element;
}

export function TabsView(props: TabsViewProps) {
  const refs: HTMLButtonElement[] = [];
  function onKey(e: KeyboardEvent, index: number) {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const n = props.tabs.length;
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : (index + step + n) % n;
    props.onSelect(props.tabs[next]!.id);
    refs[next]?.focus();
  }
  return (
    <div class="tabs">
      <div role="tablist" aria-label={props.label} class="tab-list">
        <For each={props.tabs}>
          {(tab, i) => (
            <button
              ref={(el) => (refs[i()] = el)}
              type="button"
              role="tab"
              id={`tab-${tab.id}`}
              aria-controls={`panel-${tab.id}`}
              aria-selected={props.active === tab.id}
              tabindex={props.active === tab.id ? 0 : -1}
              class="tab"
              onClick={() => props.onSelect(tab.id)}
              onKeyDown={(e) => onKey(e, i())}
            >
              {tab.label}
              {tab.problems ? <span class="tab-problems"> ({tab.problems} lỗi)</span> : null}
            </button>
          )}
        </For>
      </div>
      <div role="tabpanel" id={`panel-${props.active}`} aria-labelledby={`tab-${props.active}`} class="tab-panel" tabindex="0">
        {props.children}
      </div>
    </div>
  );
}
