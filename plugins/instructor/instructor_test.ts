import assert from "node:assert/strict";
import { CornersKey } from "../../sdk/mod.ts";
import {
  assertRouteError as rejects,
  createTestWorkbench,
  routeCaller,
  type RouteCallFields,
  syntheticCorner,
} from "../../sdk/testing/mod.ts";
import instructor from "./mod.ts";

/** Calls one of the plugin's routes on the bench. */
const call = (
  bench: ReturnType<typeof createTestWorkbench>,
  method: string,
  path: string,
  fields: RouteCallFields,
) => routeCaller(bench, instructor)(method, path, fields);

function setUp() {
  const bench = createTestWorkbench();
  const coach = bench.addUser({ id: "coach", name: "Coach" });
  const student = bench.addUser({ id: "student", name: "Student" });
  const stranger = bench.addUser({ id: "stranger", name: "Stranger" });
  const corners = [syntheticCorner(1, 100, 150, 200), syntheticCorner(2, 400, 450, 500)];
  bench.addSession(
    {
      id: "s1",
      userId: student.id,
      trackSlug: "barber",
      trackName: "Barber",
      date: "2026-06-14T14:05:00.000Z",
    },
    [[CornersKey, corners]],
  );
  bench.addSession({ id: "other", userId: stranger.id }, [[CornersKey, corners]]);
  return { bench, coach, student, stranger };
}

async function linked() {
  const world = setUp();
  const { code } = await call(world.bench, "POST", "/invites", { user: world.coach });
  await call(world.bench, "POST", "/invites/{code}/accept", { user: world.student, params: { code } });
  return { ...world, code };
}

Deno.test("an invite links once: it is single-use, not for its own author, and not twice", async () => {
  const { bench, coach, student, stranger } = setUp();
  const { code } = await call(bench, "POST", "/invites", { user: coach });
  assert.match(code, /^[2-9A-Z]{10}$/);
  await rejects(
    call(bench, "POST", "/invites/{code}/accept", { user: coach, params: { code } }),
    400,
    /your own/,
  );
  const accepted = await call(bench, "POST", "/invites/{code}/accept", {
    user: student,
    params: { code: code.toLowerCase() },
  });
  assert.deepEqual(accepted.instructor, { id: "coach", name: "Coach" });
  await rejects(
    call(bench, "POST", "/invites/{code}/accept", { user: stranger, params: { code } }),
    404,
    /unknown, used, withdrawn or expired/,
  );
  const again = await call(bench, "POST", "/invites", { user: coach });
  await rejects(
    call(bench, "POST", "/invites/{code}/accept", { user: student, params: { code: again.code } }),
    409,
    /already a student of Coach/,
  );
  const students = await call(bench, "GET", "/students", { user: coach });
  assert.deepEqual(students.students.map((s: { id: string }) => s.id), ["student"]);
  const mine = await call(bench, "GET", "/instructors", { user: student });
  assert.deepEqual(mine.instructors.map((i: { name: string }) => i.name), ["Coach"]);
});

Deno.test("only a linked instructor reads a student's sessions, and only the student's", async () => {
  const { bench, coach, stranger } = await linked();
  const list = await call(bench, "GET", "/students/{studentId}/sessions", {
    user: coach,
    params: { studentId: "student" },
  });
  assert.deepEqual(list.sessions.map((s: { id: string }) => s.id), ["s1"]);
  const one = await call(bench, "GET", "/students/{studentId}/sessions/{sessionId}", {
    user: coach,
    params: { studentId: "student", sessionId: "s1" },
  });
  assert.equal(one.session.id, "s1");
  assert.deepEqual(one.corners.map((c: { number: number }) => c.number), [1, 2]);

  const path = "/students/{studentId}/sessions/{sessionId}";
  await rejects(
    call(bench, "GET", path, { user: stranger, params: { studentId: "student", sessionId: "s1" } }),
    404,
    /no linked student "student"/,
  );
  await rejects(
    call(bench, "GET", path, { user: coach, params: { studentId: "student", sessionId: "other" } }),
    404,
    /has no session "other"/,
  );
  await rejects(
    call(bench, "GET", path, { user: coach, params: { studentId: "stranger", sessionId: "other" } }),
    404,
    /no linked student "stranger"/,
  );
  await rejects(
    call(bench, "GET", "/students/{studentId}/sessions/{sessionId}/artifacts/{artifact}", {
      user: stranger,
      params: { studentId: "student", sessionId: "s1", artifact: "corners" },
    }),
    404,
    /no linked student/,
  );
  const corners = await call(
    bench,
    "GET",
    "/students/{studentId}/sessions/{sessionId}/artifacts/{artifact}",
    {
      user: coach,
      params: { studentId: "student", sessionId: "s1", artifact: "corners" },
    },
  );
  assert.equal(corners.length, 2);
  await rejects(
    call(bench, "GET", "/students/{studentId}/sessions/{sessionId}/artifacts/{artifact}", {
      user: coach,
      params: { studentId: "student", sessionId: "s1", artifact: "session" },
    }),
    400,
    /not readable/,
  );
});

Deno.test("notes name an existing corner and a valid kind; the student sees them, strangers cannot write them", async () => {
  const { bench, coach, student, stranger } = await linked();
  const add = (user: typeof coach, body: unknown) =>
    call(bench, "POST", "/students/{studentId}/notes", { user, params: { studentId: "student" }, body });
  const note = await add(coach, {
    session_id: "s1",
    corner: 2,
    kind: "safety",
    text: "Brake before the bump.",
  });
  assert.equal(note.cornerLabel, "T2");
  await rejects(
    add(coach, { session_id: "s1", corner: 9, kind: "praise", text: "x" }),
    400,
    /no corner 9; its corners are 1 to 2/,
  );
  await rejects(
    add(coach, { session_id: "s1", corner: 1, kind: "rant", text: "x" }),
    400,
    /"kind" must be one of/,
  );
  await rejects(
    add(coach, { session_id: "s1", corner: 1, kind: "praise", text: " " }),
    400,
    /"text" is required/,
  );
  await rejects(add(coach, "text"), 400, /JSON object/);
  await rejects(
    add(stranger, { session_id: "s1", corner: 1, kind: "praise", text: "x" }),
    404,
    /no linked student/,
  );

  const mine = await call(bench, "GET", "/my-notes", { user: student, query: { session: "s1" } });
  assert.deepEqual(
    mine.notes.map((n: { text: string; instructorName: string }) => [n.text, n.instructorName]),
    [
      ["Brake before the bump.", "Coach"],
    ],
  );
  assert.deepEqual(mine.notes[0].session, { trackName: "Barber", date: "2026-06-14T14:05:00.000Z" });
  bench.deleteSession("s1");
  assert.equal((await call(bench, "GET", "/my-notes", { user: student })).notes[0].session, null);
  await rejects(
    call(bench, "DELETE", "/notes/{noteId}", { user: student, params: { noteId: note.id } }),
    404,
    /you wrote no note/,
  );
  assert.equal(
    await call(bench, "DELETE", "/notes/{noteId}", { user: coach, params: { noteId: note.id } }),
    undefined,
  );
  assert.deepEqual((await call(bench, "GET", "/my-notes", { user: student })).notes, []);
});

Deno.test("after unlinking (from either side) the instructor gets 404 and the student keeps the notes", async () => {
  const { bench, coach, student } = await linked();
  await call(bench, "POST", "/students/{studentId}/notes", {
    user: coach,
    params: { studentId: "student" },
    body: { session_id: "s1", corner: 1, kind: "praise", text: "Tidy." },
  });
  await call(bench, "DELETE", "/instructors/{instructorId}", {
    user: student,
    params: { instructorId: "coach" },
  });
  await rejects(
    call(bench, "GET", "/students/{studentId}/sessions", { user: coach, params: { studentId: "student" } }),
    404,
    /no linked student/,
  );
  await rejects(
    call(bench, "DELETE", "/students/{studentId}", { user: coach, params: { studentId: "student" } }),
    404,
    /no linked student/,
  );
  assert.equal((await call(bench, "GET", "/my-notes", { user: student })).notes.length, 1);
});

Deno.test("invites can be listed and withdrawn by their author only; anonymous callers get 401", async () => {
  const { bench, coach, student } = setUp();
  const { code } = await call(bench, "POST", "/invites", { user: coach });
  assert.deepEqual(
    (await call(bench, "GET", "/invites", { user: coach })).invites.map((i: { code: string }) => i.code),
    [code],
  );
  await rejects(
    call(bench, "DELETE", "/invites/{code}", { user: student, params: { code } }),
    404,
    /no unused invite/,
  );
  await call(bench, "DELETE", "/invites/{code}", { user: coach, params: { code } });
  await rejects(
    call(bench, "POST", "/invites/{code}/accept", { user: student, params: { code } }),
    404,
    /unknown/,
  );
  await rejects(call(bench, "POST", "/invites", {}), 401, /sign in/);
});

Deno.test("deleting a session deletes the instructor's notes on it, not those on the student's other sessions", async () => {
  const { bench, coach, student } = await linked();
  bench.addSession({ id: "s2", userId: student.id, trackSlug: "barber" }, [[CornersKey, [
    syntheticCorner(1, 100, 150, 200),
  ]]]);
  for (const session of ["s1", "s2"]) {
    await call(bench, "POST", "/students/{studentId}/notes", {
      user: coach,
      params: { studentId: "student" },
      body: { session_id: session, corner: 1, kind: "note", text: `On ${session}.` },
    });
  }
  await bench.deleted(instructor, "s1");
  const left = (await call(bench, "GET", "/my-notes", { user: student })).notes as { text: string }[];
  assert.deepEqual(left.map((n) => n.text), ["On s2."]);
});
