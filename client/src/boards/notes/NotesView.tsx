/** The free notes board every template has (phase 0, parking lot): the generic card board. */
import { DEFAULT_BOARD_ID } from '@shared/doc';
import { Board } from '../board/Board';
import type { BoardViewProps } from '../boardView';

export default function NotesView({ doc, sync, canEdit, user }: BoardViewProps) {
  return <Board doc={doc} sync={sync} boardId={DEFAULT_BOARD_ID} canEdit={canEdit} user={user} />;
}
