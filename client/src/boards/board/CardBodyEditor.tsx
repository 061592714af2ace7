/**
 * The rich-text editor of ONE card body: a Tiptap editor bound to the card's Y.XmlFragment, with the
 * carets of others editing the same body. Mounted only while the card is being edited (it is the
 * expensive part); every other card shows StaticRichText. Loaded lazily with Tiptap itself.
 */
import { useEffect, useRef, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useBoardContext } from './boardContext';
import { captureEarlyKeystrokes } from './earlyKeystrokes';
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

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Leaving the editor unmounts it, and the focus it had would fall to the page body: a second
 * Escape would then reach no panel (nothing closes). Unless the owner moved the focus itself (a
 * board card takes it back), give it to the nearest control still shown where the editor was (the
 * "Edit description" button), else to the nearest focusable container (the panel).
 */
function keepFocusNear(editorDom: Element | null): void {
  const ancestors: Element[] = [];
  for (let el = editorDom?.parentElement ?? null; el; el = el.parentElement) ancestors.push(el);
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    for (const el of ancestors) {
      if (!el.isConnected) continue;
      if (el instanceof HTMLElement && el.matches('[tabindex]')) {
        el.focus({ preventScroll: true });
        return;
      }
      const control =
        el.querySelector<HTMLElement>('button:not([disabled])') ??
        el.querySelector<HTMLElement>(FOCUSABLE);
      if (control) {
        control.focus({ preventScroll: true });
        return;
      }
    }
  });
}

export default function CardBodyEditor({ body, onDone }: CardBodyEditorProps) {
  const { t } = useTranslation();
  const doneRef = useRef(onDone);
  useEffect(() => {
    doneRef.current = onDone;
  });
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
        handleKeyDown: (view, event) => {
          if (event.key === 'Escape') {
            keepFocusNear(view.dom);
            doneRef.current();
            return true;
          }
          return false;
        },
      },
    },
    [body],
  );

  // Keys typed while the editor starts are captured, then put in as soon as it has the focus (or
  // at once when a shortcut such as Ctrl+B needs the text in place first).
  const editorRef = useRef(editor);
  editorRef.current = editor;
  const [early] = useState(() => {
    let flushed = false;
    const flush = () => {
      const current = editorRef.current;
      if (flushed || !current || current.isDestroyed) return;
      flushed = true;
      const typed = capture.stop();
      if (typed) current.chain().focus('end').insertContent(typed).run();
    };
    const capture = captureEarlyKeystrokes(flush);
    return { flush, stop: () => capture.stop() };
  });
  useEffect(() => {
    if (!editor) return;
    let frame = 0;
    let frames = 0;
    const replay = () => {
      if (editor.isDestroyed) return;
      if (!editor.isFocused && ++frames < 120) {
        frame = requestAnimationFrame(replay);
        return;
      }
      early.flush();
    };
    frame = requestAnimationFrame(replay);
    return () => cancelAnimationFrame(frame);
  }, [editor, early]);
  // Only unmounting ends the capture early (the editor instance can change after creation).
  useEffect(() => () => void early.stop(), [early]);

  // A new name or colour while editing: tell the carets of others.
  const { name, color, role } = caretUser;
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.updateUser({ name, color, role });
  }, [editor, name, color, role]);

  return (
    <>
      <FormatBar
        editor={editor}
        onDone={() => {
          keepFocusNear(editor.isDestroyed ? null : editor.view.dom);
          onDone();
        }}
      />
      <EditorContent editor={editor} className="card__editor" />
    </>
  );
}
