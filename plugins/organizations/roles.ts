/**
 * The roles of an organization's members, from most to least rights, with
 * the names the Organizations page gives them and what each may do there
 * (the rules the routes enforce, see `mod.ts` and `access.ts`), so the page
 * offers only the controls a member's role can use. Browser modules import
 * this file, so it imports nothing.
 *
 * @module
 */

/** Roles, from most to least rights: owners manage everything, instructors also manage events and read event sessions. */
export const ROLES = ["owner", "instructor", "member"] as const;

/** A member's role. */
export type Role = (typeof ROLES)[number];

/** Display name of each role. */
export const ROLE_LABEL: Record<Role, string> = {
  owner: "Owner",
  instructor: "Instructor",
  member: "Member",
};

/** What the role may do, one sentence. */
export const ROLE_RIGHTS: Record<Role, string> = {
  owner:
    "As an owner you manage members, roles and invite codes, schedule events, and read members' sessions driven at the events.",
  instructor:
    "As an instructor you schedule and delete events and read members' sessions driven at the events.",
  member: "As a member you see the members and the events, and your own sessions driven at them.",
};

/** Whether the role manages members, roles and invite codes. */
export const managesMembers = (role: Role | null): boolean => role === "owner";

/** Whether the role schedules and deletes events (and reads members' event sessions). */
export const managesEvents = (role: Role | null): boolean => role === "owner" || role === "instructor";
