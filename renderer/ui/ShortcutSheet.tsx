// The keyboard shortcut sheet (?).
import type { ReactElement } from 'react';
import { selectLabels, useTahrir } from '../session/store';
import { toggleShortcuts } from '../session/ui-actions';
import { shortcutSheet } from '../../shared/keymap';

export function ShortcutSheet(): ReactElement | null {
  const open = useTahrir((s) => s.shortcutsOpen);
  const labels = useTahrir(selectLabels);
  if (!open) return null;
  return (
    <div className="overlay" onClick={() => toggleShortcuts(false)}>
      <div className="dialog shortcut-sheet" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {shortcutSheet().map((s) => (
              <tr key={s.keys}>
                <th>
                  <kbd>{s.keys}</kbd>
                </th>
                <td>
                  {s.what.split(/([\u0600-\u06FF+]+)/).map((part, i) => (i % 2 ? <bdi key={i}>{part}</bdi> : part))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">
          Labels in this workspace:{' '}
          {labels.map((l) => (
            <span key={l.name} className="label-hint">
              <kbd>{l.hotkey ?? '–'}</kbd> {l.name}
            </span>
          ))}
        </p>
        <button className="primary" onClick={() => toggleShortcuts(false)} autoFocus>
          Close <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
