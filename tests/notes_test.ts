/**
 * The notes plugin's routes on the in-memory workbench with real analyses
 * of the shared sample sessions: a note on a session, a lap or a corner
 * shows on that session only; a note for the circuit shows on every one of
 * the driver's sessions there, at the corner with the same official label
 * (whatever its number in the other session), and never on another
 * circuit's; pinned notes come first, then in lap order; nobody else reads,
 * changes or deletes them (404); bad anchors are refused with what is
 * wrong; a driver keeps at most 500.
 */
import assert from "node:assert/strict";
import notes from "../plugins/notes/mod.ts";
import { MAX_NOTES_PER_DRIVER } from "../plugins/notes/notes_store.ts";
import { type Corner, CornersKey } from "../sdk/mod.ts";
import { assertRouteError, createTestWorkbench, haveSessions, routeCaller } from "../sdk/testing/mod.ts";
import { analysedArtifacts, type ArtifactPairs, trackOf } from "./social_sessions.ts";

interface NoteJson {
  id: string;
  scope: string;
  corner: number | null;
  cornerLabel: string | null;
  lap: number | null;
  text: string;
  pinned: boolean;
  writtenOn: string;
}

const cornersOf = (pairs: ArtifactPairs) => pairs.find(([k]) => k.id === CornersKey.id)![1] as Corner[];

async function world() {
  const bench = createTestWorkbench();
  const ann = bench.addUser({ id: "ann", name: "Ann" });
  const bob = bench.addUser({ id: "bob", name: "Bob" });
  const add = async (id: string, file: string, userId = ann.id) => {
    const pairs = await analysedArtifacts(file);
    const track = trackOf(pairs);
    bench.addSession({
      id,
      userId,
      fileName: file,
      trackSlug: track?.slug ?? null,
      trackName: track?.name ?? null,
    }, pairs);
    return cornersOf(pairs);
  };
  const eight = await add("eight", "barber-8laps.csv");
  const one = await add("one", "barber-1lap.csv");
  await add("roebling", "roebling-6laps.csv");
  await add("bobs", "barber-8laps.vbo", bob.id);
  const call = routeCaller(bench, notes);
  const as = (user: typeof ann) => ({
    list: (session: string) =>
      call("GET", "/notes", { user, query: { session_id: session } }) as Promise<NoteJson[]>,
    write: (session: string, body: Record<string, unknown>) =>
      call("POST", "/notes", { user, body: { session_id: session, ...body } }) as Promise<NoteJson>,
    patch: (id: string, body: Record<string, unknown>) =>
      call("PATCH", "/notes/{noteId}", { user, params: { noteId: id }, body }) as Promise<NoteJson>,
    remove: (id: string) => call("DELETE", "/notes/{noteId}", { user, params: { noteId: id } }),
  });
  return { bench, ann: as(ann), bob: as(bob), eight, one };
}

Deno.test({
  name: "notes: session, lap and corner notes stay on their session; circuit notes follow the corner's label",
  ignore: !haveSessions(),
  async fn() {
    const { ann, eight, one } = await world();
    const t5 = eight.find((c) => c.label === "T5-6" || c.label === "T5")!;
    const twin = one.find((c) => c.label === t5.label);
    assert.ok(twin, `precondition: barber-1lap has ${t5.label} too`);
    // barber-1lap has an extra corner at the line, so its own numbering differs.
    assert.notEqual(twin.number, t5.number, "precondition: the two sessions number the corner differently");

    const general = await ann.write("eight", { text: "  Hot day, tyres greasy after lap 5 " });
    assert.deepEqual([general.scope, general.corner, general.lap, general.text], [
      "session",
      null,
      null,
      "Hot day, tyres greasy after lap 5",
    ]);
    await ann.write("eight", { text: "Lifted in the kink", lap: 3 });
    await ann.write("eight", { text: "Apex too early", corner: t5.number });
    const circuit = await ann.write("eight", {
      text: "Brake at the 2 board",
      corner: t5.number,
      scope: "track",
    });
    assert.deepEqual([circuit.scope, circuit.cornerLabel], ["track", t5.label]);
    const pinned = await ann.write("eight", { text: "Check pressures", scope: "track", pinned: true });

    const onEight = await ann.list("eight");
    assert.deepEqual(onEight.map((n) => n.text), [
      "Check pressures",
      "Hot day, tyres greasy after lap 5",
      "Lifted in the kink",
      "Apex too early",
      "Brake at the 2 board",
    ]);
    assert.ok(onEight.every((n) => n.writtenOn === "this session"));

    // The other Barber session: only the circuit notes, at its own number for the same corner.
    const onOne = await ann.list("one");
    assert.deepEqual(onOne.map((n) => [n.text, n.corner, n.writtenOn]), [
      ["Check pressures", null, "another session at this circuit"],
      ["Brake at the 2 board", twin.number, "another session at this circuit"],
    ]);
    assert.deepEqual(await ann.list("roebling"), [], "another circuit's session has none of them");

    const unpinned = await ann.patch(pinned.id, { pinned: false, text: "Check pressures hot" });
    assert.deepEqual([unpinned.pinned, unpinned.text], [false, "Check pressures hot"]);
    assert.equal((await ann.list("eight"))[0].text, "Hot day, tyres greasy after lap 5");
    await ann.remove(general.id);
    assert.ok(!(await ann.list("eight")).some((n) => n.id === general.id));
  },
});

Deno.test({
  name: "notes: other drivers get 404s; bad anchors and the 500th-plus note are refused with the reason",
  ignore: !haveSessions(),
  async fn() {
    const { bench, ann, bob, eight } = await world();
    const mine = await ann.write("eight", { text: "mine" });
    await assertRouteError(bob.list("eight"), 404, /Session eight not found/, "session_not_found");
    await assertRouteError(bob.write("eight", { text: "x" }), 404, /not found/);
    await assertRouteError(bob.patch(mine.id, { text: "x" }), 404, /no note/, "note_not_found");
    await assertRouteError(bob.remove(mine.id), 404, /no note/);
    assert.deepEqual(
      await bob.list("bobs"),
      [],
      "Bob's own Barber session shows none of Ann's circuit notes",
    );
    await assertRouteError(
      routeCaller(bench, notes)("GET", "/notes", { query: { session_id: "eight" } }),
      401,
      /sign in/,
    );

    await assertRouteError(ann.write("eight", { text: " " }), 400, /"text" is required/);
    await assertRouteError(ann.write("eight", { text: "x", corner: 999 }), 400, /no corner 999/);
    await assertRouteError(ann.write("eight", { text: "x", lap: 99 }), 400, /no lap 99/);
    await assertRouteError(
      ann.write("eight", { text: "x", lap: 3, scope: "track" }),
      400,
      /cannot be about one lap/,
    );
    await assertRouteError(
      ann.write("eight", { text: "x", scope: "everywhere" }),
      400,
      /"scope" must be one of/,
    );
    const unofficial = eight.find((c) => c.officialNumbers.length === 0);
    if (unofficial) {
      await assertRouteError(
        ann.write("eight", { text: "x", corner: unofficial.number, scope: "track" }),
        400,
        /not one of the circuit's official corners/,
      );
    }
    bench.addSession({ id: "nowhere", userId: "ann", trackSlug: null });
    await assertRouteError(ann.write("nowhere", { text: "x", scope: "track" }), 400, /circuit is unknown/);

    const store = bench.services("notes").store;
    for (let i = (await ann.list("eight")).length; i < MAX_NOTES_PER_DRIVER; i++) {
      await store.put("notes", `filler-${i}`, { text: "filler" }, {
        ownerId: "ann",
        index: "session:elsewhere",
      });
    }
    await assertRouteError(ann.write("eight", { text: "one too many" }), 409, /500 notes/, "note_limit");
  },
});
