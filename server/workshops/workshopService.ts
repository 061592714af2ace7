/**
 * Creating workshops, handing out and resetting their join links, and people joining (a device
 * whose person was removed stays out until a facilitator lets them back in).
 */
import * as Y from 'yjs';
import type {
  CreateWorkshopRequest,
  RoleMap,
  SharedLinkRole,
  WorkshopLinks,
} from '../../shared/domain/workshop';
import { joinPath, ROLES } from '../../shared/domain/workshop';
import { initWorkshopDoc } from '../../shared/doc';
import { randomId } from '../../shared/ids';
import { deviceHash } from '../auth/device';
import { deriveRoleTokens, hashToken, isTokenShaped, newFacilitatorToken } from '../auth/tokens';
import type { Identities, IdentityRow, WorkshopRow, Workshops } from '../storage/storage';
import type { z } from 'zod';
import type { joinRequestSchema, JoinResponse } from '../../shared/domain/identity';
import type { Role } from '../../shared/domain/workshop';

/** What a joining browser tells about itself: its device id, and whom it was here before. */
export interface JoiningDevice {
  deviceId: string;
  /** The identity token this browser held in the workshop before, if it sent one. */
  previousIdentityToken: string | null;
}

/** Two facilitators resetting the same link at once: each tries again on the newer generation. */
const ROTATE_ATTEMPTS = 5;

export class WorkshopService {
  private readonly rotationListeners = new Set<
    (workshopId: string, role: SharedLinkRole) => void
  >();

  constructor(private readonly storage: Workshops & Identities) {}

  /** A shared link was reset: whatever is still connected with the old one must be closed. */
  onLinkRotated(listener: (workshopId: string, role: SharedLinkRole) => void): () => void {
    this.rotationListeners.add(listener);
    return () => this.rotationListeners.delete(listener);
  }

  /** Creates a workshop; `seed` may fill its doc (e.g. activities copied from an EDW). */
  async create(
    request: CreateWorkshopRequest,
    seed?: (doc: Y.Doc, workshopId: string) => void,
  ): Promise<{ workshop: WorkshopRow; tokens: RoleMap<string> }> {
    const id = randomId(16);
    const createdAt = new Date();
    const tokens = deriveRoleTokens(id, newFacilitatorToken());
    const doc = new Y.Doc();
    initWorkshopDoc(doc, {
      workshopId: id,
      title: request.title,
      template: request.template,
      createdAt: createdAt.getTime(),
    });
    seed?.(doc, id);
    const workshop: WorkshopRow = {
      id,
      title: request.title,
      template: request.template,
      createdAt: createdAt.toISOString(),
    };
    await this.storage.createWorkshop({
      ...workshop,
      tokenHashes: mapRoles((role) => hashToken(tokens[role])),
      initialState: Y.encodeStateAsUpdate(doc),
    });
    doc.destroy();
    return { workshop, tokens };
  }

  /** Creates a person's identity in a workshop; the token is returned once and stored hashed. */
  async join(
    workshopId: string,
    role: Role,
    input: z.output<typeof joinRequestSchema>,
    deviceId: string,
  ): Promise<JoinResponse> {
    const identityToken = randomId(32);
    const identity: IdentityRow = {
      id: randomId(16),
      workshopId,
      role,
      name: input.name,
      organisation: input.organisation,
      helix: input.helix,
      regionId: input.regionId,
      removed: false,
      joinedAt: new Date().toISOString(),
      consentToNames: input.consentToNames,
    };
    await this.storage.createIdentity(
      identity,
      hashToken(identityToken),
      deviceHash(workshopId, deviceId),
    );
    return { identityId: identity.id, identityToken, role };
  }

  /** Whether the person this device was in the workshop is removed (and not let back in). */
  async removedFromDevice(workshopId: string, device: JoiningDevice): Promise<boolean> {
    const fromDevice = await this.storage.identitiesForDevice(
      workshopId,
      deviceHash(workshopId, device.deviceId),
    );
    if (fromDevice.some((identity) => identity.removed)) return true;
    if (!isTokenShaped(device.previousIdentityToken)) return false;
    const previous = await this.storage.identityForToken(
      workshopId,
      hashToken(device.previousIdentityToken),
    );
    return previous?.removed ?? false;
  }

  get(id: string): Promise<WorkshopRow | null> {
    return this.storage.getWorkshop(id);
  }

  /** The three current links, recomputed from the facilitator token the caller presented. */
  async links(
    workshopId: string,
    facilitatorToken: string,
    origin: string,
  ): Promise<WorkshopLinks> {
    const generations = await this.storage.linkGenerations(workshopId);
    const tokens = deriveRoleTokens(workshopId, facilitatorToken, generations);
    return { tokens, links: linksFor(workshopId, tokens, origin) };
  }

  /** Resets a shared link: the next generation's token replaces it; answers the current links. */
  async rotateLink(
    workshopId: string,
    role: SharedLinkRole,
    facilitatorToken: string,
    origin: string,
  ): Promise<WorkshopLinks> {
    for (let attempt = 0; attempt < ROTATE_ATTEMPTS; attempt++) {
      const current = await this.storage.linkGenerations(workshopId);
      const next = { ...current, [role]: current[role] + 1 };
      const token = deriveRoleTokens(workshopId, facilitatorToken, next)[role];
      if (await this.storage.rotateLinkToken(workshopId, role, next[role], hashToken(token))) {
        for (const listener of this.rotationListeners) listener(workshopId, role);
        return this.links(workshopId, facilitatorToken, origin);
      }
    }
    throw new Error(`could not reset the ${role} link of workshop ${workshopId}`);
  }
}

export function linksFor(workshopId: string, tokens: RoleMap<string>, origin: string) {
  return mapRoles((role) => origin + joinPath(workshopId, tokens[role]));
}

function mapRoles<T>(fn: (role: (typeof ROLES)[number]) => T): RoleMap<T> {
  return Object.fromEntries(ROLES.map((role) => [role, fn(role)])) as RoleMap<T>;
}
