/**
 * People on the control plane: facilitator commands (promote to co-facilitator, remove, let a
 * removed person back in, lower a raised hand) and a person raising or lowering their own hand.
 */
import { z } from 'zod';

const identityIdSchema = z.string().min(1).max(64);

export const peopleCommandSchema = z.discriminatedUnion('type', [
  /** Makes a participant a co-facilitator (every command); they reconnect with the new role. */
  z.object({ type: z.literal('participant:promote'), identityId: identityIdSchema }),
  /** Removes a person: their connections are closed and their identity can no longer connect. */
  z.object({ type: z.literal('participant:remove'), identityId: identityIdSchema }),
  /** Lets a removed person back in: their identity token works again, their device may rejoin. */
  z.object({ type: z.literal('participant:readmit'), identityId: identityIdSchema }),
  /** Lowers someone's raised hand (they were given the floor, or it was raised by mistake). */
  z.object({ type: z.literal('hand:lower'), identityId: identityIdSchema }),
]);
export type PeopleCommand = z.infer<typeof peopleCommandSchema>;

/** `hand:set`: the sender raises or lowers their own hand. */
export const handSetSchema = z.object({
  raised: z.boolean({ error: 'raised must be true or false' }),
});
export type HandSet = z.infer<typeof handSetSchema>;

/** The `hand:set` acknowledgement: when the sender's hand went up (server time), or null. */
export interface HandState {
  handRaisedAt: number | null;
}
