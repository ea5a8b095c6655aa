/**
 * Invite codes (collection `invites`, key the code, owner the instructor):
 * an instructor creates one, gives it to a student, and the student's
 * acceptance links the two. A code is single-use and lapses after
 * {@linkcode INVITE_LIFETIME_DAYS} days.
 *
 * @module
 */

import {
  defineAppRoute,
  type InviteBase,
  inviteJson,
  inviteLive,
  liveInvite,
  newInvite,
  normaliseInviteCode,
  RouteError,
  signedInUser,
} from "../../sdk/mod.ts";
import { findLink, saveLink } from "./links.ts";

const INVITES = "invites";

/** Days an unused invite stays valid. */
export const INVITE_LIFETIME_DAYS = 14;

/** One invite as stored. */
interface Invite extends InviteBase {
  readonly instructorId: string;
}

const codeParam = { code: { type: "string", description: "The invite code", required: true } } as const;

/** `POST /invites`: a new invite code of the caller's. */
export const createInviteRoute = defineAppRoute({
  method: "POST",
  path: "/invites",
  description:
    `Creates a single-use invite code (valid ${INVITE_LIFETIME_DAYS} days) a student accepts to link to the caller.`,
  async handler({ user, services }) {
    const me = signedInUser(user, "invite students");
    const invite: Invite = { ...newInvite(INVITE_LIFETIME_DAYS), instructorId: me.id };
    await services.store.put(INVITES, invite.code, { ...invite }, { ownerId: me.id });
    return inviteJson(invite);
  },
});

/** `GET /invites`: the caller's unused, unexpired invites. */
export const listInvitesRoute = defineAppRoute({
  method: "GET",
  path: "/invites",
  description: "The caller's unused invite codes that have not expired.",
  async handler({ user, services }) {
    const me = signedInUser(user, "see your invites");
    const now = Date.now();
    const invites = (await services.store.list(INVITES, { ownerId: me.id }))
      .map((r) => r.value as unknown as Invite)
      .filter((invite) => inviteLive(invite, now));
    return { invites: invites.map(inviteJson) };
  },
});

/** `DELETE /invites/{code}`: withdraws one of the caller's invites. */
export const revokeInviteRoute = defineAppRoute({
  method: "DELETE",
  path: "/invites/{code}",
  description: "Withdraws one of the caller's unused invite codes.",
  params: codeParam,
  async handler({ user, services, params }) {
    const me = signedInUser(user, "withdraw an invite");
    const code = normaliseInviteCode(params.code);
    const record = await services.store.get(INVITES, code);
    if (!record || record.ownerId !== me.id) {
      throw new RouteError(404, "invite_not_found", `you have no unused invite "${code}"`);
    }
    await services.store.delete(INVITES, code);
  },
});

/** `POST /invites/{code}/accept`: the caller becomes the student of the invite's instructor. */
export const acceptInviteRoute = defineAppRoute({
  method: "POST",
  path: "/invites/{code}/accept",
  description: "Accepts an invite code: links the caller, as a student, to the instructor who created it.",
  params: codeParam,
  async handler({ user, services, params }) {
    const me = signedInUser(user, "accept an invite");
    const invite = await liveInvite<Invite>(services.store, INVITES, params.code);
    if (invite.instructorId === me.id) {
      throw new RouteError(
        400,
        "own_invite",
        "you cannot accept your own invite: give the code to a student",
      );
    }
    const instructor = await services.user(invite.instructorId);
    if (await findLink(services.store, invite.instructorId, me.id)) {
      throw new RouteError(
        409,
        "already_linked",
        `you are already a student of ${instructor?.name ?? invite.instructorId}`,
      );
    }
    await services.store.delete(INVITES, invite.code);
    const link = { instructorId: invite.instructorId, studentId: me.id, linkedAt: Date.now() };
    await saveLink(services.store, link);
    return {
      instructor: { id: invite.instructorId, name: instructor?.name ?? invite.instructorId },
      linkedAt: new Date(link.linkedAt).toISOString(),
    };
  },
});
