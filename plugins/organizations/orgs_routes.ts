/**
 * Creating an organization (the creator becomes its owner), listing the
 * caller's organizations, and an organization's public summary.
 *
 * @module
 */

import {
  bodyObject,
  defineAppRoute,
  optionalStringField,
  RouteError,
  signedInUser,
  stringField,
} from "../../sdk/mod.ts";
import { findMembership, membershipsOf, membersOf, requireOrg, saveMembership, saveOrg } from "./store.ts";

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;

/** A slug from a name: lower case, runs of anything else become one dash. */
function slugOf(name: string): string {
  return name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48)
    .replace(/-+$/, "");
}

/** `POST /orgs`: a new organization owned by the caller. */
export const createOrgRoute = defineAppRoute({
  method: "POST",
  path: "/orgs",
  description:
    "Creates an organization {name, slug?}; the caller becomes its owner. 409 when the slug is taken.",
  async handler({ user, services, body }) {
    const me = signedInUser(user, "create an organization");
    const fields = bodyObject(body);
    const name = stringField(fields, "name", { maxLength: 80 });
    const slug = optionalStringField(fields, "slug", {
      maxLength: 48,
      pattern: { regex: SLUG, means: "lower-case letters, digits and dashes" },
    }) ?? slugOf(name);
    if (!SLUG.test(slug)) {
      throw new RouteError(
        400,
        "invalid_field",
        `"name" needs a letter or digit to make a slug, got "${name}"`,
      );
    }
    if (await services.store.get("orgs", slug)) {
      throw new RouteError(
        409,
        "slug_taken",
        `an organization "${slug}" already exists; choose another slug`,
      );
    }
    const now = Date.now();
    await saveOrg(services.store, { slug, name, createdBy: me.id, createdAt: now });
    await saveMembership(services.store, { slug, userId: me.id, role: "owner", joinedAt: now });
    return { slug, name, role: "owner", members: 1 };
  },
});

/** `GET /orgs`: the caller's organizations. */
export const myOrgsRoute = defineAppRoute({
  method: "GET",
  path: "/orgs",
  description: "The caller's organizations with their role and member count.",
  async handler({ user, services }) {
    const me = signedInUser(user, "see your organizations");
    const orgs = await Promise.all((await membershipsOf(services.store, me.id)).map(async (membership) => {
      const [org, members] = await Promise.all([
        requireOrg(services.store, membership.slug),
        membersOf(services.store, membership.slug),
      ]);
      return { slug: org.slug, name: org.name, role: membership.role, members: members.length };
    }));
    return { orgs };
  },
});

/** `GET /orgs/{slug}`: an organization's summary, for any signed-in user. */
export const orgSummaryRoute = defineAppRoute({
  method: "GET",
  path: "/orgs/{slug}",
  description: "An organization's name, member count and the caller's role in it (null when not a member).",
  params: { slug: { type: "string", description: "The organization's slug", required: true } },
  async handler({ user, services, params }) {
    const me = signedInUser(user, "see organizations");
    const org = await requireOrg(services.store, params.slug);
    const [members, mine] = await Promise.all([
      membersOf(services.store, org.slug),
      findMembership(services.store, org.slug, me.id),
    ]);
    return { slug: org.slug, name: org.name, members: members.length, role: mine?.role ?? null };
  },
});
