/** Creating workshops and handing out their join links. */
import * as Y from 'yjs';
import type { CreateWorkshopRequest, RoleMap, WorkshopLinks } from '../../shared/domain/workshop';
import { joinPath, ROLES } from '../../shared/domain/workshop';
import { initWorkshopDoc } from '../../shared/doc';
import { randomId } from '../../shared/ids';
import { deriveRoleTokens, hashToken, newFacilitatorToken } from '../auth/tokens';
import type { IdentityRow, Storage, WorkshopRow } from '../storage/storage';
import type { z } from 'zod';
import type { joinRequestSchema, JoinResponse } from '../../shared/domain/identity';
import type { Role } from '../../shared/domain/workshop';

export class WorkshopService {
  constructor(private readonly storage: Storage) {}

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
    await this.storage.createIdentity(identity, hashToken(identityToken));
    return { identityId: identity.id, identityToken, role };
  }

  get(id: string): Promise<WorkshopRow | null> {
    return this.storage.getWorkshop(id);
  }

  /** The three links again, recomputed from the facilitator token the caller presented. */
  links(workshopId: string, facilitatorToken: string, origin: string): WorkshopLinks {
    const tokens = deriveRoleTokens(workshopId, facilitatorToken);
    return { tokens, links: linksFor(workshopId, tokens, origin) };
  }
}

export function linksFor(workshopId: string, tokens: RoleMap<string>, origin: string) {
  return mapRoles((role) => origin + joinPath(workshopId, tokens[role]));
}

function mapRoles<T>(fn: (role: (typeof ROLES)[number]) => T): RoleMap<T> {
  return Object.fromEntries(ROLES.map((role) => [role, fn(role)])) as RoleMap<T>;
}
