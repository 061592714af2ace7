/** Facilitator commands about people: promote to co-facilitator, remove from the workshop. */
import { z } from 'zod';

export const peopleCommandSchema = z.discriminatedUnion('type', [
  /** Makes a participant a co-facilitator (every command); they reconnect with the new role. */
  z.object({ type: z.literal('participant:promote'), identityId: z.string().min(1).max(64) }),
  /** Removes a person: their connections are closed and their identity can no longer connect. */
  z.object({ type: z.literal('participant:remove'), identityId: z.string().min(1).max(64) }),
]);
export type PeopleCommand = z.infer<typeof peopleCommandSchema>;
