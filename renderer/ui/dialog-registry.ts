// Dialogs opened by kind (openDialog('export'), the menu's Export…/Import…). App holds the
// table of them (DIALOGS) and renders the open one.

export interface DialogProps {
  onClose: () => void;
}
