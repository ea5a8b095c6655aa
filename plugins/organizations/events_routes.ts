/**
 * Events (a track day: a name, a circuit, a day or a span of days) and the
 * sessions driven at them. Owners and instructors create and delete
 * events; members list them. The sessions of an event and a session's
 * summary follow the rule in `access.ts`.
 *
 * @module
 */

import {
  type AppServices,
  type AppSession,
  bodyObject,
  defineAppRoute,
  optionalStringField,
  RouteError,
  signedInUser,
  stringField,
  summarizeSession,
} from "../../sdk/mod.ts";
import { eventCovers } from "./access.ts";
import {
  eventsOf,
  findMembership,
  type Membership,
  membersOf,
  type OrgEvent,
  removeEvent,
  requireEvent,
  requireRole,
  saveEvent,
} from "./store.ts";
import { managesEvents, ROLES } from "./roles.ts";

const slugParam = { type: "string", description: "The organization's slug", required: true } as const;
const eventParam = { type: "string", description: "The event's id", required: true } as const;
const DAY = { regex: /^\d{4}-\d{2}-\d{2}$/, means: "a date YYYY-MM-DD" };
const TRACK_SLUG = {
  regex: /^[a-z0-9][a-z0-9-]*$/,
  means: "a circuit slug (lower-case letters, digits, dashes)",
};

function validDay(text: string, field: string): string {
  const parsed = Date.parse(`${text}T00:00:00Z`);
  if (!Number.isFinite(parsed) || new Date(parsed).toISOString().slice(0, 10) !== text) {
    throw new RouteError(400, "invalid_field", `"${field}" is not a real calendar date: "${text}"`);
  }
  return text;
}

/** `POST /orgs/{slug}/events`: an owner or instructor creates an event. */
export const createEventRoute = defineAppRoute({
  method: "POST",
  path: "/orgs/{slug}/events",
  description:
    "Owners and instructors create an event {name, track_slug, date, end_date?} (dates YYYY-MM-DD, UTC).",
  params: { slug: slugParam },
  async handler({ user, services, params, body }) {
    const me = signedInUser(user, "create events");
    await requireRole(services.store, params.slug, me.id, ["owner", "instructor"], "create events");
    const fields = bodyObject(body);
    const date = validDay(stringField(fields, "date", { pattern: DAY }), "date");
    const endDate = validDay(optionalStringField(fields, "end_date", { pattern: DAY }) ?? date, "end_date");
    if (endDate < date) {
      throw new RouteError(400, "invalid_field", `"end_date" ${endDate} is before "date" ${date}`);
    }
    const event: OrgEvent = {
      id: crypto.randomUUID(),
      slug: params.slug,
      name: stringField(fields, "name", { maxLength: 120 }),
      trackSlug: stringField(fields, "track_slug", { maxLength: 80, pattern: TRACK_SLUG }),
      date,
      endDate,
      createdBy: me.id,
    };
    await saveEvent(services.store, event);
    return event;
  },
});

/** `GET /orgs/{slug}/events`: the organization's events, for members. */
export const listEventsRoute = defineAppRoute({
  method: "GET",
  path: "/orgs/{slug}/events",
  description: "An organization's events by date; 403 for non-members.",
  params: { slug: slugParam },
  async handler({ user, services, params }) {
    const me = signedInUser(user, "see events");
    await requireRole(services.store, params.slug, me.id, ROLES, "see its events");
    return { events: await eventsOf(services.store, params.slug) };
  },
});

/** `DELETE /orgs/{slug}/events/{eventId}`: an owner or instructor deletes an event. */
export const deleteEventRoute = defineAppRoute({
  method: "DELETE",
  path: "/orgs/{slug}/events/{eventId}",
  description: "Owners and instructors delete an event.",
  params: { slug: slugParam, eventId: eventParam },
  async handler({ user, services, params }) {
    const me = signedInUser(user, "delete events");
    await requireRole(services.store, params.slug, me.id, ["owner", "instructor"], "delete events");
    await requireEvent(services.store, params.slug, params.eventId);
    await removeEvent(services.store, params.eventId);
  },
});

/** The sessions the caller may read among those driven at the event. */
async function eventSessions(
  services: AppServices,
  caller: Membership,
  event: OrgEvent,
): Promise<{ session: AppSession; driver: string }[]> {
  const drivers = managesEvents(caller.role)
    ? (await membersOf(services.store, event.slug)).map((m) => m.userId)
    : [caller.userId];
  const perDriver = await Promise.all(drivers.map(async (driver) => {
    const [person, sessions] = await Promise.all([services.user(driver), services.sessionsOf(driver)]);
    const name = person?.name ?? driver;
    return sessions.filter((session) => eventCovers(event, session)).map((session) => ({
      session,
      driver: name,
    }));
  }));
  return perDriver.flat();
}

/** `GET /orgs/{slug}/events/{eventId}/sessions`: sessions driven at the event that the caller may read. */
export const eventSessionsRoute = defineAppRoute({
  method: "GET",
  path: "/orgs/{slug}/events/{eventId}/sessions",
  description:
    "Sessions driven at the event (its circuit, its days): every member's for owners and instructors, the caller's own for members.",
  params: { slug: slugParam, eventId: eventParam },
  async handler({ user, services, params }) {
    const me = signedInUser(user, "see event sessions");
    const caller = await requireRole(services.store, params.slug, me.id, ROLES, "see its events");
    const event = await requireEvent(services.store, params.slug, params.eventId);
    const sessions = await eventSessions(services, caller, event);
    return {
      event,
      sessions: sessions.map(({ session, driver }) => ({
        id: session.id,
        userId: session.userId,
        driver,
        fileName: session.fileName,
        trackName: session.trackName,
        date: session.date,
        status: session.status,
      })),
    };
  },
});

/** `GET /orgs/{slug}/sessions/{sessionId}`: a session's summary, when the rule in `access.ts` allows it. */
export const orgSessionRoute = defineAppRoute({
  method: "GET",
  path: "/orgs/{slug}/sessions/{sessionId}",
  description:
    "A member's session summary for the organization's owners and instructors when driven at one of its events; 404 otherwise.",
  params: { slug: slugParam, sessionId: { type: "string", description: "The session's id", required: true } },
  async handler({ user, services, params }) {
    const me = signedInUser(user, "see sessions");
    const caller = await requireRole(services.store, params.slug, me.id, ROLES, "see its sessions");
    const session = await services.session(params.sessionId);
    const notFound = new RouteError(
      404,
      "session_not_found",
      `session "${params.sessionId}" is not one you can read in "${params.slug}"`,
    );
    if (!session) throw notFound;
    let event: OrgEvent | undefined;
    if (session.userId !== me.id) {
      if (!managesEvents(caller.role)) throw notFound;
      if (!await findMembership(services.store, params.slug, session.userId)) throw notFound;
      event = (await eventsOf(services.store, params.slug)).find((e) => eventCovers(e, session));
      if (!event) throw notFound;
    }
    const driver = (await services.user(session.userId))?.name ?? session.userId;
    return {
      session,
      driver,
      event: event ?? null,
      summary: await summarizeSession(services.artifacts(session.id)),
    };
  },
});
