// The side panel's tabs. A later panel (e.g. "Cleanup" for boilerplate suggestions)
// adds itself with registerSidePanelTab; the panel shows tabs in registration order.
import type { ComponentType } from 'react';

export interface SidePanelTab {
  id: string;
  title: string;
  component: ComponentType;
}

let tabs: readonly SidePanelTab[] = [];
const listeners = new Set<() => void>();

export function registerSidePanelTab(tab: SidePanelTab): void {
  // A new array each time: readers compare by identity (useSyncExternalStore).
  const i = tabs.findIndex((t) => t.id === tab.id);
  tabs = i >= 0 ? tabs.map((t, k) => (k === i ? tab : t)) : [...tabs, tab];
  for (const l of listeners) l();
}

export function sidePanelTabs(): readonly SidePanelTab[] {
  return tabs;
}

export function onTabsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
