// @jsxRuntime automatic
/** The report's table of contents: one link per section the report holds, in its order. */
import type { ReactNode } from 'react';
import type { ExportVocabulary } from '../vocabulary';

export interface ContentsEntry {
  id: string;
  title: string;
}

export function Contents({
  entries,
  words,
}: {
  entries: ContentsEntry[];
  words: ExportVocabulary;
}): ReactNode {
  return (
    <nav className="contents" aria-labelledby="contents-title">
      <h2 id="contents-title">{words.t('contents.heading')}</h2>
      <ol>
        {entries.map(({ id, title }) => (
          <li key={id}>
            <a href={`#${id}`}>{title}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
