// Speaker of a quote: a keyboard-searchable list of the document's entities (people
// first); Enter picks the highlighted one, or keeps the typed name when none matches.
import { useMemo, useState, type ReactElement } from 'react';
import type { Entity, Quote } from '../../shared/model';
import { findAll } from '../../shared/arabic-normalize';
import { setQuoteSpeaker, setQuoteSpeakerName } from '../session/annotation-actions';
import { endChangeGroup } from '../session/history';
import { useTranslator } from '../session/locale';
import { focusText } from '../text/text-surface';

interface Option {
  key: string;
  entity: Entity | null;
  text: string;
}

/** One option per distinct entity text, people first, in document order; the typed name last when none is it. */
export function speakerOptions(entities: Iterable<Entity>, query: string, personLabel: string): Option[] {
  const seen = new Set<string>();
  const sorted = [...entities].sort(
    (a, b) => Number(b.label === personLabel) - Number(a.label === personLabel) || a.start - b.start,
  );
  const typed = query.trim();
  const out: Option[] = [];
  for (const e of sorted) {
    if (e.orphaned || seen.has(`${e.label}:${e.text}`)) continue;
    if (typed && findAll(e.text, typed).length === 0) continue;
    seen.add(`${e.label}:${e.text}`);
    out.push({ key: e.id, entity: e, text: e.text });
  }
  if (typed && !out.some((o) => o.text === typed)) out.push({ key: 'name', entity: null, text: typed });
  return out;
}

export function SpeakerPicker({
  quote,
  entities,
  personLabel,
}: {
  quote: Quote;
  /** In document order (a record's SpanList: gone through only while the list is open). */
  entities: Iterable<Entity>;
  personLabel: string;
}): ReactElement {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const t = useTranslator();

  // Only while the list is open: a closed picker is rendered with the inspector after every edit, and sorting a
  // long document's 50,000 entities each time was the largest JS cost of an edit's follow-up (262 ms over 37 edits).
  const options = useMemo(
    () => (open ? speakerOptions(entities, query, personLabel) : []),
    [open, entities, query, personLabel],
  );

  const pick = (o: Option | undefined): void => {
    if (!o) return;
    if (o.entity) setQuoteSpeaker(quote.id, o.entity.id);
    else {
      setQuoteSpeakerName(quote.id, o.text);
      endChangeGroup();
    }
    setQuery('');
    setOpen(false);
    focusText();
  };

  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick((open ? options : speakerOptions(entities, query, personLabel))[active]);
    }
  };

  const listId = `speaker-options-${quote.id}`;
  return (
    <div className="speaker-picker">
      <input
        id="speaker-input"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        aria-label={t('speaker.label')}
        placeholder={t('speaker.placeholder')}
        dir="auto"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={(e) => {
          // A moment later, and only if the focus did not come back meanwhile (a quick Tab away and back).
          const input = e.currentTarget;
          setTimeout(() => {
            if (input.ownerDocument.activeElement !== input) setOpen(false);
          }, 150);
        }}
        onKeyDown={onKeyDown}
      />
      {open && options.length > 0 && (
        <ul className="speaker-options" role="listbox" id={listId}>
          {options.map((o, i) => (
            <li
              key={o.key}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(o);
              }}
            >
              <bdi>{o.text}</bdi>
              <span className="option-kind">{o.entity ? o.entity.label : t('speaker.name-option')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
