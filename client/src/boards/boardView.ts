/** What every board view receives: the workshop's doc and who is looking at it. */
import type * as Y from 'yjs';
import type { Role } from '@shared/domain/workshop';
import type { PresenceUser } from '@client/sync/presence';
import type { WorkshopSync } from '@client/sync/workshopSync';

export interface BoardViewProps {
  doc: Y.Doc;
  sync: WorkshopSync;
  role: Role;
  /** False for the wall screen and before the person has a name. */
  canEdit: boolean;
  user: PresenceUser | null;
}
