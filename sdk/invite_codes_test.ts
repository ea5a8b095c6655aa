import assert from "node:assert/strict";
import { inviteJson, liveInvite, newInvite } from "./invite_codes.ts";
import { assertRouteError, createTestWorkbench } from "./testing/mod.ts";

Deno.test("an invite is found from the code as typed until it lapses; unknown and lapsed codes are a 404", async () => {
  const store = createTestWorkbench().services("invites-test").store;
  const now = Date.UTC(2026, 5, 14);
  const live = { ...newInvite(14), owner: "coach" };
  const lapsed = newInvite(1, now - 2 * 86_400_000);
  assert.equal((live.expiresAt - Date.now()) / 86_400_000 > 13.99, true);
  for (const invite of [live, lapsed]) await store.put("invites", invite.code, { ...invite });
  const typed = `${live.code.slice(0, 4).toLowerCase()} ${live.code.slice(4)}`;
  assert.deepEqual(await liveInvite(store, "invites", typed), live);
  for (const code of [lapsed.code, "NOSUCHCODE"]) {
    await assertRouteError(
      liveInvite(store, "invites", code),
      404,
      /is unknown, used, withdrawn or expired/,
      "invite_not_found",
    );
  }
  assert.deepEqual(inviteJson(lapsed), {
    code: lapsed.code,
    expiresAt: new Date(now - 86_400_000).toISOString(),
  });
});
