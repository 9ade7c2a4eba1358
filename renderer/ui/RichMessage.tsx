// A message with markup (`<strong>Read-only.</strong> The sidecar {file} …`): the catalogs keep
// whole sentences, tags and all, and this turns their tags into elements, in either language.
import { createElement, Fragment, type ReactElement, type ReactNode } from 'react';
import type { MessageKey, MessageValue } from '../../shared/i18n/translator';
import { useTranslator } from '../session/locale';

/** The tags messages may use, each the element of the same name. */
const TAGS = ['strong', 'code', 'kbd', 'bdi', 'em'] as const;

export function RichMessage({
  id,
  values = {},
}: {
  id: MessageKey;
  values?: Readonly<Record<string, MessageValue | ReactNode>>;
}): ReactElement {
  const t = useTranslator();
  const tags = Object.fromEntries(
    TAGS.map((tag) => [tag, (parts: ReactNode[]) => createElement(tag, { key: tag }, ...parts)]),
  );
  const parts = t.rich<ReactNode>(id, { ...tags, ...values });
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>{part}</Fragment>
      ))}
    </>
  );
}
