// Dialogs opened by kind (openDialog('export'), the menu's Export…/Import…). The
// export/import helpers register their components here; App renders the open one.
import type { ComponentType } from 'react';

export interface DialogProps {
  onClose: () => void;
}

const dialogs = new Map<string, ComponentType<DialogProps>>();

export function registerDialog(kind: string, component: ComponentType<DialogProps>): void {
  dialogs.set(kind, component);
}

export function dialogFor(kind: string): ComponentType<DialogProps> | undefined {
  return dialogs.get(kind);
}
