/**
 * The sharing plugin's routes on the in-memory workbench with real analyses
 * of the shared sample sessions: a link lasts the 1–90 days its owner
 * chose; a revoked or expired link answers 410 saying which (and its
 * owner's list shows it so), an unknown one 404; only the owner creates and
 * revokes links; the public view carries the session's laps and corners but
 * not its file name or the owner's e-mail address; and a friend's session of
 * the same circuit is compared corner by corner, with the lap-time
 * difference of the two true best laps and, per corner, the true difference
 * of the two best laps' times through it, while another circuit's or an
 * unreadable file is refused.
 *
 * Tolerances: lap times within 0.05 s of the truth (measured: 0.01 s); a
 * corner's time difference within 0.1 s of the truth's (measured: 0.06 s at
 * worst; the truth's corner runs entry to exit of the simulated corner,
 * which differs from the detected one by some metres).
 */
import assert from "node:assert/strict";
import { createLink, DEAD_LINK_RETENTION_DAYS, revokeLink } from "../plugins/sharing/links.ts";
import sharing from "../plugins/sharing/mod.ts";
import { type Corner, CornersKey } from "../sdk/mod.ts";
import {
  assertRouteError,
  createTestWorkbench,
  haveSessions,
  readTruth,
  routeCaller,
  type Truth,
} from "../sdk/testing/mod.ts";
import { analysedArtifacts, trackOf } from "./social_sessions.ts";

const DAY_MS = 86_400_000;
const LAP_MARGIN_S = 0.05;
const CORNER_MARGIN_S = 0.1;
const SHARED = "barber-8laps.csv";
const FRIEND = "barber-1lap.csv";
const OTHER_CIRCUIT = "roebling-6laps.csv";

async function world() {
  const bench = createTestWorkbench();
  const ann = bench.addUser({ id: "ann", name: "Ann", email: "ann@example.com" });
  const bob = bench.addUser({ id: "bob", name: "Bob" });
  const pairs = await analysedArtifacts(SHARED);
  const track = trackOf(pairs)!;
  const session = bench.addSession({
    id: "s1",
    userId: ann.id,
    fileName: SHARED,
    trackSlug: track.slug,
    trackName: track.name,
    date: "2026-06-14T14:05:00.000Z",
  }, pairs);
  bench.addSession({ id: "waiting", userId: ann.id, status: "queued" });
  for (const file of [FRIEND, OTHER_CIRCUIT]) {
    const friend = await analysedArtifacts(file);
    bench.setAnalysis(file, { trackSlug: trackOf(friend)?.slug ?? null, artifacts: friend });
  }
  const call = routeCaller(bench, sharing);
  const share = (days?: number) =>
    call("POST", "/links", {
      user: ann,
      body: { session_id: "s1", ...(days === undefined ? {} : { expires_in_days: days }) },
    });
  return { bench, ann, bob, session, call, share };
}

const file = (name: string, text = "") => ({ name, bytes: new TextEncoder().encode(text) });

Deno.test({
  name: "a link lasts the chosen 1 to 90 days; bad lengths, others' and unanalysed sessions are refused",
  ignore: !haveSessions(),
  async fn() {
    const { ann, bob, call, share } = await world();
    for (const [days, expected] of [[1, 1], [90, 90], [undefined, 7]] as const) {
      const link = await share(days);
      assert.equal((Date.parse(link.expiresAt) - Date.parse(link.createdAt)) / DAY_MS, expected);
      assert.equal(link.state, "active");
      assert.match(link.url, new RegExp(`^/\\?page=shared-session&token=${link.token}$`));
    }
    for (const days of [0, 91, 2.5, "7"]) {
      await assertRouteError(
        call("POST", "/links", { user: ann, body: { session_id: "s1", expires_in_days: days } }),
        400,
        /"expires_in_days" must be a whole number from 1 to 90/,
      );
    }
    await assertRouteError(
      call("POST", "/links", { user: bob, body: { session_id: "s1" } }),
      404,
      /Session s1 not found/,
    );
    await assertRouteError(
      call("POST", "/links", { user: ann, body: { session_id: "waiting" } }),
      409,
      /wait for its analysis/,
    );
    await assertRouteError(call("POST", "/links", { body: { session_id: "s1" } }), 401, /sign in/);
    assert.equal((await call("GET", "/links", { user: ann, query: { session_id: "s1" } })).length, 3);
    assert.deepEqual(await call("GET", "/links", { user: bob }), []);
  },
});

Deno.test({
  name: "a revoked link answers 410 revoked; only its owner revokes it, and sees it revoked",
  ignore: !haveSessions(),
  async fn() {
    const { ann, bob, call, share } = await world();
    const { token } = await share(7);
    await assertRouteError(
      call("DELETE", "/links/{token}", { user: bob, params: { token } }),
      404,
      /no share link/,
    );
    await assertRouteError(call("DELETE", "/links/{token}", { params: { token } }), 401, /sign in/);
    assert.equal((await call("GET", "/shared/{token}", { params: { token } })).sharedBy, "Ann");
    await call("DELETE", "/links/{token}", { user: ann, params: { token } });
    await call("DELETE", "/links/{token}", { user: ann, params: { token } }); // twice is harmless
    await assertRouteError(
      call("GET", "/shared/{token}", { params: { token } }),
      410,
      /revoked by the driver/,
      "share_link_revoked",
    );
    await assertRouteError(
      call("POST", "/shared/{token}/compare", { params: { token }, file: file(FRIEND) }),
      410,
      /revoked/,
      "share_link_revoked",
    );
    const [listed] = await call("GET", "/links", { user: ann, query: { session_id: "s1" } });
    assert.equal(listed.state, "revoked");
    assert.ok(listed.revokedAt);
  },
});

Deno.test({
  name: "an expired link answers 410 expired with its date; unknown and malformed tokens 404",
  ignore: !haveSessions(),
  async fn() {
    const { bench, ann, session, call } = await world();
    const now = Date.now();
    const expired = await createLink(bench.services("sharing").store, session, 1, now - 2 * DAY_MS);
    const day = new Date(now - DAY_MS).toISOString().slice(0, 10);
    await assertRouteError(
      call("GET", "/shared/{token}", { params: { token: expired.token } }),
      410,
      new RegExp(`expired on ${day}; ask for a new one`),
      "share_link_expired",
    );
    await assertRouteError(
      call("POST", "/shared/{token}/compare", { params: { token: expired.token }, file: file(FRIEND) }),
      410,
      /expired/,
      "share_link_expired",
    );
    const [listed] = await call("GET", "/links", { user: ann });
    assert.equal(listed.state, "expired");
    // Dead for longer than the retention, a link is deleted when its owner next lists theirs.
    const store = bench.services("sharing").store;
    const old = await createLink(store, session, 1, now - (DEAD_LINK_RETENTION_DAYS + 2) * DAY_MS);
    const revoked = await createLink(store, session, 30, now - (DEAD_LINK_RETENTION_DAYS + 2) * DAY_MS);
    await revokeLink(store, ann.id, revoked.token, now - (DEAD_LINK_RETENTION_DAYS - 1) * DAY_MS);
    assert.deepEqual(
      (await call("GET", "/links", { user: ann })).map((l: { token: string }) => l.token),
      [revoked.token, expired.token],
      "the old expired link is gone; the recently revoked and the recently expired ones stay",
    );
    assert.equal(await store.get("links", old.token), undefined);
    await assertRouteError(
      call("GET", "/shared/{token}", { params: { token: old.token } }),
      404,
      /does not exist/,
    );
    for (const token of ["0123456789abcdef0123456789abcdef", "../../etc", ""]) {
      await assertRouteError(
        call("GET", "/shared/{token}", { params: { token } }),
        404,
        /does not exist/,
        "share_link_not_found",
      );
    }
  },
});

Deno.test({
  name: "the shared view has the laps and corners but not the file name or e-mail; a deleted session is 410",
  ignore: !haveSessions(),
  async fn() {
    const { bench, call, share } = await world();
    const truth = await readTruth(SHARED);
    const { token } = await share();
    const view = await call("GET", "/shared/{token}", { params: { token } });
    assert.equal(view.laps.length, truth.laps.length);
    assert.equal(view.summary.bestLapNumber, truth.best_lap);
    assert.ok(
      Math.abs(view.summary.bestLapS - truth.best_lap_time_s!) < LAP_MARGIN_S,
      `${view.summary.bestLapS}`,
    );
    assert.ok(view.corners.length > 10, `${view.corners.length} corners`);
    assert.ok(view.outline.x.length > 100 && view.outline.x.length <= 301, `${view.outline.x.length} points`);
    const text = JSON.stringify(view);
    assert.ok(!text.includes(SHARED) && !text.includes("ann@example.com"), "no file name or e-mail address");
    bench.deleteSession("s1");
    await assertRouteError(
      call("GET", "/shared/{token}", { params: { token } }),
      410,
      /deleted/,
      "shared_session_deleted",
    );
  },
});

Deno.test({
  name: "a friend's session of the same circuit is compared corner by corner; others are refused clearly",
  ignore: !haveSessions(),
  async fn() {
    const { call, share } = await world();
    const [mine, theirs] = [await readTruth(SHARED), await readTruth(FRIEND)];
    const { token } = await share();
    const compare = (upload?: { name: string; bytes: Uint8Array }) =>
      call("POST", "/shared/{token}/compare", { params: { token }, file: upload });
    const result = await compare(file(FRIEND));
    const trueDelta = theirs.best_lap_time_s! - mine.best_lap_time_s!;
    assert.ok(Math.abs(result.lapDeltaS - trueDelta) < LAP_MARGIN_S, `${result.lapDeltaS} vs ${trueDelta}`);
    assert.equal(result.faster, "sharer");
    assert.equal(result.sharer.lap, mine.best_lap);
    assert.equal(result.viewer.lap, theirs.best_lap);
    assert.ok(result.corners.length > 10, `${result.corners.length} corners compared`);
    // Each corner's difference is the truth's for the simulated corner holding the detected apex.
    const corners = (await analysedArtifacts(SHARED)).find(([key]) =>
      key.id === CornersKey.id
    )![1] as Corner[];
    const timeIn = (truth: Truth, id: number) =>
      truth.laps.find((l) => l.number === truth.best_lap)!.corners.find((c) => c.id === id)!.time_in_corner_s;
    for (const c of result.corners) {
      const apex = corners.find((k) => k.label === c.label)!.apexM;
      const simulated = mine.corners.find((t) => apex >= t.entry_m - 5 && apex <= t.exit_m + 5);
      assert.ok(simulated, `${c.label}: a simulated corner holds its apex`);
      const truthDelta = timeIn(theirs, simulated.id) - timeIn(mine, simulated.id);
      assert.ok(
        Math.abs(c.timeDeltaS - truthDelta) < CORNER_MARGIN_S,
        `${c.label}: ${c.timeDeltaS.toFixed(3)} s, true ${truthDelta.toFixed(3)} s`,
      );
    }
    await assertRouteError(
      compare(file(OTHER_CIRCUIT)),
      422,
      /roebling.*not at Barber Motorsports Park; upload a session from the same circuit/,
      "different_track",
    );
    await assertRouteError(
      compare(file("notes.txt", "not telemetry")),
      422,
      /notes\.txt cannot be read/,
      "unreadable_file",
    );
    await assertRouteError(compare(), 400, /field `file`/, "no_file");
  },
});
