/**
 * The sync socket's liveness check (client/src/sync/workshopSync.ts): a socket can stay "open"
 * long after the network went (the stock provider notices only after 30 s of silence). Silent for
 * PROBE_AFTER_MS, the client sends a ping (an empty presence update, which the server answers with
 * one); no word within DEAD_AFTER_MS of it, the connection is taken for lost. The check runs every
 * LIVENESS_CHECK_MS, so a lost network is noticed within LOST_NOTICED_WITHIN_MS at worst.
 */
export const PROBE_AFTER_MS = 3_000;
export const DEAD_AFTER_MS = 4_000;
export const LIVENESS_CHECK_MS = 1_000;
/** The last word may come just after a check: the probe and the verdict each wait one check more. */
export const LOST_NOTICED_WITHIN_MS = PROBE_AFTER_MS + DEAD_AFTER_MS + 2 * LIVENESS_CHECK_MS;
