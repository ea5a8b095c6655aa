/**
 * Who may enable and disable plugins: in local mode (no sign-in) the local
 * user; with sign-in, the users whose e-mail is listed in `WORKBENCH_ADMINS`
 * (comma-separated, case-insensitive). Nobody else, so a workbench with
 * sign-in and no `WORKBENCH_ADMINS` has its plugin list read-only.
 *
 * @module
 */

import { LOCAL_USER_ID } from "./storage/migrations.ts";

/** The e-mails of `WORKBENCH_ADMINS`, lower-cased. */
export function adminEmails(raw: string | undefined = Deno.env.get("WORKBENCH_ADMINS")): Set<string> {
  return new Set((raw ?? "").split(",").map((e) => e.trim().toLowerCase()).filter((e) => e.length > 0));
}

/** Whether `user` may change the plugin configuration. */
export function isPluginAdmin(
  user: { id: string; email: string | null } | null,
  admins: ReadonlySet<string> = adminEmails(),
): boolean {
  if (!user) return false;
  if (user.id === LOCAL_USER_ID) return true;
  return user.email !== null && admins.has(user.email.toLowerCase());
}
