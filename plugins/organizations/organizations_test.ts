import assert from "node:assert/strict";
import {
  assertRouteError as rejects,
  createTestWorkbench,
  routeCaller,
  type RouteCallFields,
} from "../../sdk/testing/mod.ts";
import organizations from "./mod.ts";

type Bench = ReturnType<typeof createTestWorkbench>;

/** Calls one of the plugin's routes on the bench. */
const call = (bench: Bench, method: string, path: string, fields: RouteCallFields) =>
  routeCaller(bench, organizations)(method, path, fields);

/** An organization with an owner, an instructor and two members, each with sessions. */
async function club() {
  const bench = createTestWorkbench();
  const [owner, coach, ann, ben, outsider] = ["owner", "coach", "ann", "ben", "outsider"].map((id) =>
    bench.addUser({ id, name: id[0].toUpperCase() + id.slice(1) })
  );
  const org = await call(bench, "POST", "/orgs", { user: owner, body: { name: "Barber Track Club" } });
  assert.equal(org.slug, "barber-track-club");
  const slug = org.slug;
  const add = (userId: string, role: string) =>
    call(bench, "POST", "/orgs/{slug}/members", {
      user: owner,
      params: { slug },
      body: { user_id: userId, role },
    });
  await add("coach", "instructor");
  await add("ann", "member");
  const { code } = await call(bench, "POST", "/orgs/{slug}/invites", { user: owner, params: { slug } });
  await call(bench, "POST", "/join/{code}", { user: ben, params: { code } });
  const event = await call(bench, "POST", "/orgs/{slug}/events", {
    user: coach,
    params: { slug },
    body: { name: "Spring day", track_slug: "barber", date: "2026-04-11" },
  });
  bench.addSession({ id: "ann-event", userId: "ann", trackSlug: "barber", date: "2026-04-11T15:00:00.000Z" });
  bench.addSession({
    id: "ann-other-day",
    userId: "ann",
    trackSlug: "barber",
    date: "2026-04-12T15:00:00.000Z",
  });
  bench.addSession({
    id: "ann-other-track",
    userId: "ann",
    trackSlug: "roebling",
    date: "2026-04-11T15:00:00.000Z",
  });
  bench.addSession({ id: "ben-event", userId: "ben", trackSlug: "barber", date: "2026-04-11T09:00:00.000Z" });
  bench.addSession({
    id: "outsider-event",
    userId: "outsider",
    trackSlug: "barber",
    date: "2026-04-11T10:00:00.000Z",
  });
  return { bench, slug, event, owner, coach, ann, ben, outsider };
}

Deno.test("creating an organization makes the creator its owner; slugs are unique", async () => {
  const { bench, slug, owner, outsider } = await club();
  const mine = await call(bench, "GET", "/orgs", { user: owner });
  assert.deepEqual(mine.orgs, [{ slug, name: "Barber Track Club", role: "owner", members: 4 }]);
  await rejects(
    call(bench, "POST", "/orgs", { user: outsider, body: { name: "Barber track club!" } }),
    409,
    /already exists/,
  );
  await rejects(
    call(bench, "POST", "/orgs", { user: outsider, body: { name: "??" } }),
    400,
    /needs a letter or digit/,
  );
  await rejects(
    call(bench, "POST", "/orgs", { user: outsider, body: { name: "X", slug: "Bad Slug" } }),
    400,
    /"slug" must be/,
  );
  const summary = await call(bench, "GET", "/orgs/{slug}", { user: outsider, params: { slug } });
  assert.deepEqual(summary, { slug, name: "Barber Track Club", members: 4, role: null });
  await rejects(
    call(bench, "GET", "/orgs/{slug}", { user: outsider, params: { slug: "nope" } }),
    404,
    /no organization "nope"/,
  );
});

Deno.test("members see members and events; outsiders get 403; only owners manage members", async () => {
  const { bench, slug, ann, coach, outsider } = await club();
  const members = await call(bench, "GET", "/orgs/{slug}/members", { user: ann, params: { slug } });
  assert.deepEqual(members.members.map((m: { userId: string; role: string }) => [m.userId, m.role]), [
    ["owner", "owner"],
    ["coach", "instructor"],
    ["ann", "member"],
    ["ben", "member"],
  ]);
  assert.equal(
    (await call(bench, "GET", "/orgs/{slug}/events", { user: ann, params: { slug } })).events.length,
    1,
  );
  await rejects(
    call(bench, "GET", "/orgs/{slug}/members", { user: outsider, params: { slug } }),
    403,
    /not a member/,
  );
  await rejects(
    call(bench, "GET", "/orgs/{slug}/events", { user: outsider, params: { slug } }),
    403,
    /not a member/,
  );
  await rejects(
    call(bench, "PATCH", "/orgs/{slug}/members/{userId}", {
      user: ann,
      params: { slug, userId: "ben" },
      body: { role: "owner" },
    }),
    403,
    /only owners of "barber-track-club" can change roles/,
  );
  await rejects(
    call(bench, "PATCH", "/orgs/{slug}/members/{userId}", {
      user: coach,
      params: { slug, userId: "ann" },
      body: { role: "instructor" },
    }),
    403,
    /only owners/,
  );
  await rejects(
    call(bench, "DELETE", "/orgs/{slug}/members/{userId}", { user: ann, params: { slug, userId: "ben" } }),
    403,
    /only owners/,
  );
  await rejects(
    call(bench, "POST", "/orgs/{slug}/members", {
      user: coach,
      params: { slug },
      body: { user_id: "outsider", role: "member" },
    }),
    403,
    /only owners/,
  );
  await rejects(
    call(bench, "POST", "/orgs/{slug}/events", {
      user: ann,
      params: { slug },
      body: { name: "x", track_slug: "barber", date: "2026-05-01" },
    }),
    403,
    /only owners or instructors/,
  );
});

Deno.test("owners change roles and add members; duplicates and bad values are clear errors", async () => {
  const { bench, slug, owner } = await club();
  const patch = (userId: string, role: string) =>
    call(bench, "PATCH", "/orgs/{slug}/members/{userId}", {
      user: owner,
      params: { slug, userId },
      body: { role },
    });
  assert.deepEqual(await patch("ann", "instructor"), { userId: "ann", role: "instructor" });
  await rejects(patch("ann", "boss"), 400, /"role" must be one of owner, instructor, member/);
  await rejects(patch("outsider", "member"), 404, /not a member/);
  const add = (body: unknown) =>
    call(bench, "POST", "/orgs/{slug}/members", { user: owner, params: { slug }, body });
  await rejects(add({ user_id: "ann", role: "member" }), 409, /Ann is already a member/);
  await rejects(add({ user_id: "ghost", role: "member" }), 404, /no user "ghost"/);
  assert.equal((await add({ user_id: "outsider", role: "member" })).role, "member");
});

Deno.test("the last owner can neither leave, be removed nor be demoted; with a second owner they can", async () => {
  const { bench, slug, owner, ann } = await club();
  const leave = (user: typeof owner, userId: string) =>
    call(bench, "DELETE", "/orgs/{slug}/members/{userId}", { user, params: { slug, userId } });
  await rejects(leave(owner, "owner"), 409, /last owner of "barber-track-club" and cannot leave/);
  await rejects(
    call(bench, "PATCH", "/orgs/{slug}/members/{userId}", {
      user: owner,
      params: { slug, userId: "owner" },
      body: { role: "member" },
    }),
    409,
    /last owner/,
  );
  await call(bench, "PATCH", "/orgs/{slug}/members/{userId}", {
    user: owner,
    params: { slug, userId: "ann" },
    body: { role: "owner" },
  });
  assert.equal(await leave(owner, "owner"), undefined);
  await rejects(leave(ann, "ann"), 409, /last owner/);
  assert.equal(await leave(ann, "ben"), undefined, "an owner removes a member");
  const members = await call(bench, "GET", "/orgs/{slug}/members", { user: ann, params: { slug } });
  assert.deepEqual(members.members.map((m: { userId: string }) => m.userId).sort(), ["ann", "coach"]);
});

Deno.test("invite codes: join with the code's role, once per person, until withdrawn", async () => {
  const { bench, slug, owner, outsider, ann } = await club();
  const { code, role } = await call(bench, "POST", "/orgs/{slug}/invites", {
    user: owner,
    params: { slug },
    body: { role: "instructor" },
  });
  assert.equal(role, "instructor");
  await rejects(
    call(bench, "POST", "/join/{code}", { user: ann, params: { code } }),
    409,
    /already a member/,
  );
  assert.deepEqual(await call(bench, "POST", "/join/{code}", { user: outsider, params: { code } }), {
    slug,
    name: "Barber Track Club",
    role: "instructor",
  });
  await rejects(
    call(bench, "POST", "/orgs/{slug}/invites", { user: owner, params: { slug }, body: { role: "owner" } }),
    400,
    /"role" must be one of member, instructor/,
  );
  await call(bench, "DELETE", "/orgs/{slug}/invites/{code}", { user: owner, params: { slug, code } });
  const late = bench.addUser({ id: "late" });
  await rejects(
    call(bench, "POST", "/join/{code}", { user: late, params: { code } }),
    404,
    /unknown, used, withdrawn or expired/,
  );
});

Deno.test("instructors read members' sessions driven at an event's circuit on its day, nothing else", async () => {
  const { bench, slug, event, coach, owner, ann, ben } = await club();
  const listed = await call(bench, "GET", "/orgs/{slug}/events/{eventId}/sessions", {
    user: coach,
    params: { slug, eventId: event.id },
  });
  assert.deepEqual(listed.sessions.map((s: { id: string }) => s.id).sort(), ["ann-event", "ben-event"]);
  const asMember = await call(bench, "GET", "/orgs/{slug}/events/{eventId}/sessions", {
    user: ann,
    params: { slug, eventId: event.id },
  });
  assert.deepEqual(asMember.sessions.map((s: { id: string }) => s.id), ["ann-event"]);

  const read = (user: typeof owner, sessionId: string) =>
    call(bench, "GET", "/orgs/{slug}/sessions/{sessionId}", { user, params: { slug, sessionId } });
  assert.equal((await read(coach, "ann-event")).event.id, event.id);
  assert.equal((await read(owner, "ben-event")).driver, "Ben");
  for (const id of ["ann-other-day", "ann-other-track", "outsider-event", "missing"]) {
    await rejects(read(coach, id), 404, new RegExp(`session "${id}" is not one you can read`));
  }
  await rejects(read(ben, "ann-event"), 404, /not one you can read/);
  assert.equal((await read(ann, "ann-other-track")).event, null, "a member reads their own session");

  await call(bench, "DELETE", "/orgs/{slug}/members/{userId}", {
    user: owner,
    params: { slug, userId: "ann" },
  });
  await rejects(read(coach, "ann-event"), 404, /not one you can read/);
});

Deno.test("events check their dates and circuit", async () => {
  const { bench, slug, owner } = await club();
  const create = (body: unknown) =>
    call(bench, "POST", "/orgs/{slug}/events", { user: owner, params: { slug }, body });
  await rejects(
    create({ name: "x", track_slug: "barber", date: "2026-02-30" }),
    400,
    /not a real calendar date/,
  );
  await rejects(create({ name: "x", track_slug: "barber", date: "11/04/2026" }), 400, /a date YYYY-MM-DD/);
  await rejects(
    create({ name: "x", track_slug: "barber", date: "2026-04-11", end_date: "2026-04-10" }),
    400,
    /before/,
  );
  await rejects(create({ name: "x", track_slug: "Barber Park", date: "2026-04-11" }), 400, /circuit slug/);
  const weekend = await create({
    name: "Weekend",
    track_slug: "barber",
    date: "2026-04-11",
    end_date: "2026-04-12",
  });
  const listed = await call(bench, "GET", "/orgs/{slug}/events/{eventId}/sessions", {
    user: owner,
    params: { slug, eventId: weekend.id },
  });
  assert.deepEqual(listed.sessions.map((s: { id: string }) => s.id).sort(), [
    "ann-event",
    "ann-other-day",
    "ben-event",
  ]);
  await call(bench, "DELETE", "/orgs/{slug}/events/{eventId}", {
    user: owner,
    params: { slug, eventId: weekend.id },
  });
  await rejects(
    call(bench, "DELETE", "/orgs/{slug}/events/{eventId}", {
      user: owner,
      params: { slug, eventId: weekend.id },
    }),
    404,
    /no event/,
  );
});

Deno.test("the event form's circuits are those of the caller's own sessions, once each, by name", async () => {
  const { bench, ann, outsider } = await club();
  bench.addSession({
    id: "ann-named",
    userId: "ann",
    trackSlug: "barber",
    trackName: "Barber Motorsports Park",
  });
  bench.addSession({ id: "ann-unknown", userId: "ann", trackSlug: null });
  const circuits = await call(bench, "GET", "/circuits", { user: ann });
  assert.deepEqual(circuits.circuits, [
    { slug: "barber", name: "Barber Motorsports Park" },
    { slug: "roebling", name: "roebling" },
  ]);
  assert.deepEqual((await call(bench, "GET", "/circuits", { user: outsider })).circuits, [
    { slug: "barber", name: "barber" },
  ]);
  await rejects(call(bench, "GET", "/circuits", {}), 401, /sign in/);
});
