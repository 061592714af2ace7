/**
 * The rich-text editor of ONE card body: a Tiptap editor bound to the card's Y.XmlFragment, with the
 * carets of others editing the same body. Mounted only while the card is being edited (it is the
 * expensive part); every other card shows StaticRichText. Loaded lazily with Tiptap itself.
 */
import { useEffect } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useBoardContext } from './boardContext';
import { FormatBar } from './FormatBar';

interface CardBodyEditorProps {
  body: Y.XmlFragment;
  /** Editing ends (Escape); the card takes the focus back. */
  onDone: () => void;
}

function caretElement(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : '#7c6f64';
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === 'string' ? user.name : '';
  caret.append(label);
  return caret;
}

export default function CardBodyEditor({ body, onDone }: CardBodyEditorProps) {
  const { t } = useTranslation();
  const { sync, user } = useBoardContext();
  const caretUser = user ?? { name: t('people.anonymous'), color: '#7c6f64', role: 'participant' };

  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({
          // Collaboration brings its own undo/redo, scoped to this person's changes.
          undoRedo: false,
          // Opening a card must not write to it: no automatic trailing paragraph.
          trailingNode: false,
          link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
        }),
        // Undo inside the editor stays per editor (y-tiptap's own manager, origin: its sync
        // plugin key, which the workshop's shared manager does not track). Handing the shared
        // manager in via `yUndoOptions.undoManager` is not safe: y-tiptap's plugin calls
        // `undoManager.destroy()` when the editor unmounts, which clears the undo stacks and
        // drops every listener of the manager, i.e. it would wipe the workshop's whole history
        // each time a card stops being edited. Ctrl+Z outside any editor uses sync/undo.ts.
        Collaboration.configure({ fragment: body }),
        CollaborationCaret.configure({
          provider: sync.provider,
          user: caretUser,
          render: caretElement,
        }),
      ],
      autofocus: 'end',
      editorProps: {
        attributes: {
          class: 'rich-text rich-text--editing',
          'aria-label': t('card.bodyEditorLabel'),
          'aria-multiline': 'true',
          role: 'textbox',
          'data-testid': 'card-body-editor',
          spellcheck: 'true',
        },
        handleKeyDown: (_view, event) => {
          if (event.key === 'Escape') {
            onDone();
            return true;
          }
          return false;
        },
      },
    },
    [body],
  );

  // A new name or colour while editing: tell the carets of others.
  const { name, color, role } = caretUser;
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.updateUser({ name, color, role });
  }, [editor, name, color, role]);

  return (
    <>
      <FormatBar editor={editor} onDone={onDone} />
      <EditorContent editor={editor} className="card__editor" />
    </>
  );
}
