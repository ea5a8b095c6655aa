/**
 * The `achievements` plugin: badges awarded after each analysis by a
 * documented rule set (`badges.ts`, `rules.ts`): first session, first
 * session at a circuit, personal bests, a consistency streak, corner
 * mastery, a clean session and distance milestones.
 *
 * Better than the original, whose check ran before the report it graded
 * existed and whose badges counted uploads: every rule reads the analysis
 * itself (lap times, lap tags, the consistency score, per-corner minimum
 * speeds over clean laps); each award names the session and the numbers
 * that earned it; the whole history is re-evaluated in the order the
 * sessions were driven, so a late upload of an older session cannot fake a
 * personal best; and awards are keyed by what they are for, so
 * re-analysing a session never awards anything twice.
 *
 * @module
 */

import { definePlugin } from "../../sdk/mod.ts";
import { dropSummary } from "./history.ts";
import { awardAchievements } from "./hook.ts";
import { badgesRoute, markSeenRoute, recentRoute, refreshRoute } from "./routes.ts";

export default definePlugin({
  id: "achievements",
  version: "1.0.0",
  sdk: "^1.1",
  description: "Badges for first sessions, personal bests, consistency streaks, corner mastery and distance.",
  appRoutes: [badgesRoute, recentRoute, markSeenRoute, refreshRoute],
  onAnalysis: awardAchievements,
  onSessionDeleted: ({ session, services }) => dropSummary(services, session.id),
  views: [{
    kind: "view",
    id: "achievements",
    title: "Achievements",
    description: "Your badges and the latest ones earned",
    scope: "app",
    order: 30,
    needs: [],
    module: "./achievements_page.ts",
  }],
});
