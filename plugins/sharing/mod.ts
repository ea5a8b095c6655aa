/**
 * Sharing: a driver sends a link to one of their sessions; whoever holds it
 * sees the session read-only without an account, and may drop their own
 * session from the same circuit on the page to get a corner-by-corner
 * comparison of the two best laps (lap time, minimum speed, brake point and
 * time per corner, who is faster where).
 *
 * Better than the original: links can be revoked and their lifetime chosen
 * (1–90 days, 7 by default), and a visitor is told whether a dead link
 * expired or was revoked (410) rather than never existed (404); the
 * visitor's file is analysed in memory and never stored (the original kept
 * it on the link forever); corners are paired by the circuit's official turn
 * numbers, not by each session's own corner numbering; the public page shows
 * no file name, e-mail address or raw telemetry, only a coarse outline.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { deleteLinksTo } from "./links.ts";
import { SHARED_PAGE, sharingRoutes } from "./routes.ts";

export default definePlugin({
  id: "sharing",
  version: "1.0.0",
  sdk: "^1.1",
  description:
    "Share links to a session, a read-only public page and a friend's corner-by-corner comparison.",
  appRoutes: sharingRoutes,
  onSessionDeleted: ({ session, services }) => deleteLinksTo(services.store, session.id),
  views: [
    {
      kind: "panel",
      id: "share-session",
      title: "Share",
      description: "Send a read-only link to this session; a friend can compare their own laps against it.",
      in: ["dashboard"],
      order: 95,
      size: "half",
      needs: [],
      module: "./share_panel.ts",
    },
    {
      kind: "view",
      id: SHARED_PAGE,
      title: "Shared session",
      description: "A session someone shared with you",
      scope: "app",
      public: true,
      nav: false,
      needs: [],
      module: "./shared_page.ts",
    },
  ],
});
