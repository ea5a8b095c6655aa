/**
 * The achievements routes, under `/api/plugins/achievements`: the caller's
 * badges (earned, with progress on the rest), the recent feed, marking it
 * seen, and a re-evaluation of the caller's history on demand (for
 * sessions analysed before the plugin was installed).
 *
 * @module
 */

import { type AppUser, defineAppRoute, signedInUser } from "../../sdk/mod.ts";
import { awardsOf, markAllSeen } from "./awards.ts";
import { BADGES } from "./badges.ts";
import { historyOf } from "./history.ts";
import { refreshAwards } from "./hook.ts";
import { evaluateRules } from "./rules.ts";

function signedIn(user: AppUser | null): AppUser {
  return signedInUser(user, "see your achievements");
}

const iso = (ms: number) => new Date(ms).toISOString();

/** `GET /badges`: every badge with the caller's awards for it and, while unearned, the progress towards it. */
export const badgesRoute = defineAppRoute({
  method: "GET",
  path: "/badges",
  description: "Every badge with the caller's awards for it and the progress towards those not yet earned.",
  async handler({ user, services }) {
    const me = signedIn(user);
    const [held, history] = await Promise.all([awardsOf(services.store, me.id), historyOf(services, me.id)]);
    const { progress } = evaluateRules(history);
    const badges = BADGES.map((badge) => {
      const earned = held.filter((award) => award.badge === badge.id).map((award) => ({
        key: award.key,
        reason: award.reason,
        sessionId: award.sessionId,
        trackSlug: award.trackSlug,
        drivenAt: iso(award.drivenAt),
        awardedAt: iso(award.awardedAt),
      }));
      return { ...badge, earned, progress: earned.length === 0 ? progress[badge.id] ?? null : null };
    });
    return { earnedCount: held.length, sessionsCounted: history.length, badges };
  },
});

/** `GET /recent`: the caller's latest awards, newest first, and how many are unseen. */
export const recentRoute = defineAppRoute({
  method: "GET",
  path: "/recent",
  description: "The caller's latest awards, newest first, with how many are not yet seen.",
  query: { limit: { type: "integer", description: "How many (1..50, default 10)", minimum: 1, maximum: 50 } },
  async handler({ user, services, query }) {
    const me = signedIn(user);
    const held = await awardsOf(services.store, me.id);
    const titles = new Map(BADGES.map((badge) => [badge.id, badge.title]));
    const newest = [...held].sort((a, b) => b.awardedAt - a.awardedAt || b.drivenAt - a.drivenAt);
    return {
      unseen: held.filter((award) => !award.seen).length,
      achievements: newest.slice(0, query.limit ?? 10).map((award) => ({
        key: award.key,
        badge: award.badge,
        title: titles.get(award.badge) ?? award.badge,
        reason: award.reason,
        sessionId: award.sessionId,
        trackSlug: award.trackSlug,
        drivenAt: iso(award.drivenAt),
        awardedAt: iso(award.awardedAt),
        seen: award.seen,
      })),
    };
  },
});

/** `POST /recent/seen`: marks every award of the caller as seen. */
export const markSeenRoute = defineAppRoute({
  method: "POST",
  path: "/recent/seen",
  description: "Marks every award of the caller as seen; returns how many were unseen.",
  async handler({ user, services }) {
    return { marked: await markAllSeen(services.store, signedIn(user).id) };
  },
});

/** `POST /refresh`: applies the rules to the caller's whole history now and stores new awards. */
export const refreshRoute = defineAppRoute({
  method: "POST",
  path: "/refresh",
  description: "Applies the rules to the caller's whole history now; returns the awards that are new.",
  async handler({ user, services }) {
    const fresh = await refreshAwards(services, signedIn(user).id);
    return { awarded: fresh.map((award) => ({ key: award.key, badge: award.badge, reason: award.reason })) };
  },
});
