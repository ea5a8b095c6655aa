/**
 * The analysis hook: after each analysis of an opted-in driver's session,
 * replace that session's entry (so a re-analysis never adds a second one).
 * Sessions of drivers who have not opted in are not looked at.
 *
 * @module
 */

import type { AnalysisHook } from "../../sdk/mod.ts";
import { optInOf, refreshEntry } from "./records.ts";

/** Keeps the analysed session's leaderboard entry up to date. */
export const updateLeaderboards: AnalysisHook = async ({ session, artifacts, services }) => {
  if (!(await optInOf(services.store, session.userId))) return;
  await refreshEntry(services, session, artifacts);
};
