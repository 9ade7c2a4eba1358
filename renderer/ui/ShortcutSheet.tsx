// The keyboard shortcut sheet (?).
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { selectLabels, useTahrir } from '../session/store';
import { toggleShortcuts } from '../session/ui-actions';
import { shortcutSheet } from '../../shared/keymap';
import { useTranslator } from '../session/locale';

export function ShortcutSheet(): ReactElement | null {
  const open = useTahrir((s) => s.shortcutsOpen);
  return open ? <OpenSheet /> : null;
}

function OpenSheet(): ReactElement {
  const labels = useTahrir(selectLabels);
  const t = useTranslator();
  // Where the focus was when the sheet opened (read while rendering, before the sheet takes it): it goes back there on
  // close.
  const [returnTo] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  const sheetRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The sheet itself takes the focus, at its top: focusing the Close button at its end scrolled the sheet to the
    // bottom.
    sheetRef.current?.focus({ preventScroll: true });
    return () => {
      if (returnTo?.isConnected) returnTo.focus({ preventScroll: true });
    };
  }, [returnTo]);
  return (
    <div className="overlay" onClick={() => toggleShortcuts(false)}>
      <div
        ref={sheetRef}
        tabIndex={-1}
        className="dialog shortcut-sheet"
        role="dialog"
        aria-modal="true"
        aria-label={t('sheet.title')}
        onClick={(e) => e.stopPropagation()}
      >
        <h2>{t('sheet.title')}</h2>
        <table>
          <tbody>
            {shortcutSheet(t).map((s) => (
              <tr key={s.keys}>
                <th>
                  <kbd dir="ltr">{s.keys}</kbd>
                </th>
                <td>
                  {/*
                    Runs of the other script (و+بايدن in English, tahrir.json in Arabic) are isolated so their
                    neighbours keep their place.
                  */}
                  {s.what
                    .split(t.dir === 'rtl' ? /([A-Za-z](?:[^\u0600-\u06FF()]*[A-Za-z0-9])?)/ : /([\u0600-\u06FF+]+)/)
                    .map((part, i) => (i % 2 ? <bdi key={i}>{part}</bdi> : part))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">
          {t('sheet.labels')}{' '}
          {labels.map((l) => (
            <span key={l.name} className="label-hint">
              <kbd>{l.hotkey ?? '–'}</kbd> {l.name}
            </span>
          ))}
        </p>
        <button className="primary" onClick={() => toggleShortcuts(false)}>
          {t.rich<ReactElement>('sheet.close', { kbd: (parts) => <kbd key="kbd">{parts}</kbd> })}
        </button>
      </div>
    </div>
  );
}
