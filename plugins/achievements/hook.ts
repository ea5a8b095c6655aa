/**
 * The analysis hook: after each analysis, summarise the session, apply the
 * rules to the owner's whole history and store the awards that are new.
 * Re-evaluating the whole history (not only the new session) keeps the
 * order-dependent rules right when an older session is uploaded late.
 *
 * @module
 */

import type { AnalysisHook, AppServices } from "../../sdk/mod.ts";
import { saveNewAwards } from "./awards.ts";
import { historyOf, storeSummary } from "./history.ts";
import { type Award, evaluateRules } from "./rules.ts";

/** Applies the rules to the user's history and stores what is new; returns the new awards. */
export async function refreshAwards(services: AppServices, userId: string): Promise<Award[]> {
  const { awards } = evaluateRules(await historyOf(services, userId));
  return await saveNewAwards(services.store, userId, awards);
}

/** Summarises the analysed session, then awards whatever the owner's history now earns. */
export const awardAchievements: AnalysisHook = async ({ session, artifacts, services }) => {
  await storeSummary(services, session, artifacts);
  await refreshAwards(services, session.userId);
};
