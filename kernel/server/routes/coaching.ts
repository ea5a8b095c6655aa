/**
 * The coaching API (`/api/coaching/...`), mounted when a plugin provides a
 * coach (`services.coach`): reports and settings (`coaching_report.ts`) and
 * the chat (`coaching_chat.ts`).
 *
 * @module
 */

import type { ServerContext } from "../context.ts";
import type { AnyApiRoute } from "../route.ts";
import { coachingChatRoutes } from "./coaching_chat.ts";
import { coachingReportRoutes } from "./coaching_report.ts";

/** Coaching routes, or none without a coach. */
export function coachingRoutes(ctx: ServerContext): AnyApiRoute[] {
  if (!ctx.coaching) return [];
  return [...coachingReportRoutes(ctx, ctx.coaching), ...coachingChatRoutes(ctx, ctx.coaching)];
}
