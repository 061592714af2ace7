/**
 * Formatting buttons of a body being edited. On a board card they float above the card (and keep
 * their size whatever the zoom); anywhere else (a side panel's description) they sit in the flow,
 * right above the text (rich-text.css).
 */
import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '@client/ui/Icon';
import { useCounterScale } from './useCounterScale';

interface FormatBarProps {
  editor: Editor;
  onDone: () => void;
}

type FormatKey =
  'bold' | 'italic' | 'strike' | 'heading' | 'bulletList' | 'orderedList' | 'blockquote';

const FORMATS: { key: FormatKey; icon: IconName; run: (editor: Editor) => void }[] = [
  { key: 'bold', icon: 'bold', run: (e) => e.chain().focus().toggleBold().run() },
  { key: 'italic', icon: 'italic', run: (e) => e.chain().focus().toggleItalic().run() },
  { key: 'strike', icon: 'strike', run: (e) => e.chain().focus().toggleStrike().run() },
  {
    key: 'heading',
    icon: 'heading',
    run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
  },
  { key: 'bulletList', icon: 'bulletList', run: (e) => e.chain().focus().toggleBulletList().run() },
  {
    key: 'orderedList',
    icon: 'orderedList',
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
  { key: 'blockquote', icon: 'quote', run: (e) => e.chain().focus().toggleBlockquote().run() },
];

export function FormatBar({ editor, onDone }: FormatBarProps) {
  const { t } = useTranslation();
  const scale = useCounterScale();
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      strike: e.isActive('strike'),
      heading: e.isActive('heading'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
    }),
  });

  return (
    <div
      className="card-bar card-bar--format"
      role="toolbar"
      aria-label={t('format.label')}
      data-testid="format-bar"
      data-board-ui
      style={scale}
      onPointerDown={(e) => e.stopPropagation()}
      onMouseDown={(e) => e.preventDefault()}
    >
      {FORMATS.map(({ key, icon, run }) => (
        <button
          key={key}
          type="button"
          className="card-bar__button"
          aria-label={t(`format.${key}`)}
          title={t(`format.${key}`)}
          aria-pressed={active[key]}
          onClick={() => run(editor)}
        >
          <Icon name={icon} />
        </button>
      ))}
      <span className="card-bar__divider" aria-hidden="true" />
      <button type="button" className="card-bar__button card-bar__button--text" onClick={onDone}>
        {t('card.done')}
      </button>
    </div>
  );
}
