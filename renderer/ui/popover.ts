// A menu opened from a <details> in a bar (appearance, suggestion sources): closed on Escape and on a press
// elsewhere, as a menu is. Left to <details> alone it stayed open over the text, across documents and under dialogs,
// until its own summary was clicked again.

/** A ref callback for the <details> (React 19 calls the cleanup it returns when the element goes). */
export function closingDetails(details: HTMLDetailsElement | null): (() => void) | undefined {
  if (!details) return undefined;
  const away = (e: PointerEvent): void => {
    if (details.open && !details.contains(e.target as Node)) details.open = false;
  };
  const escape = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || !details.open) return;
    e.stopPropagation();
    details.open = false;
    details.querySelector('summary')?.focus();
  };
  document.addEventListener('pointerdown', away);
  details.addEventListener('keydown', escape);
  return () => {
    document.removeEventListener('pointerdown', away);
    details.removeEventListener('keydown', escape);
  };
}
