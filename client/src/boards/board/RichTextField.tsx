/**
 * A labelled rich-text description in a side panel: shown statically, with an "Edit" button that
 * mounts the (lazily loaded) collaborative editor in place until Escape or Done.
 */
import { useState } from 'react';
import type * as Y from 'yjs';
import { Icon } from '@client/ui/Icon';
import { StaticRichText } from './StaticRichText';
import { BodyEditor } from './BodyEditor';

interface RichTextFieldProps {
  body: Y.XmlFragment | undefined;
  canEdit: boolean;
  /** id of the element that labels this field */
  labelledBy: string;
  placeholder: string;
  editLabel: string;
  editTestId: string;
  /** Called before the editor opens (e.g. to leave other editing on the board). */
  onStartEditing?: () => void;
}

export function RichTextField(props: RichTextFieldProps) {
  const { body, canEdit, labelledBy, placeholder, editLabel, editTestId, onStartEditing } = props;
  const [editing, setEditing] = useState(false);
  if (!body) return null;
  return (
    <div className="s3-panel__rich" aria-labelledby={labelledBy}>
      {editing && canEdit ? (
        <BodyEditor body={body} onDone={() => setEditing(false)} />
      ) : (
        <>
          <StaticRichText body={body} placeholder={placeholder} />
          {canEdit && (
            <button
              type="button"
              className="button button--ghost"
              data-testid={editTestId}
              onClick={() => {
                onStartEditing?.();
                setEditing(true);
              }}
            >
              <Icon name="pencil" size={16} />
              {editLabel}
            </button>
          )}
        </>
      )}
    </div>
  );
}
