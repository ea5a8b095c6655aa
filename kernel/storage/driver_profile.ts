/**
 * The driver profile a coach writes for: the user's skill level (coaching
 * settings) and the equipment profile assigned to the session (tyres,
 * brakes and notes as text, the car as a vehicle model).
 *
 * @module
 */

import type { Kysely } from "kysely";
import type { DriverProfile, SkillLevel } from "../../sdk/mod.ts";
import { getCoachingSettings } from "./coaching.ts";
import { profileVehicle } from "./equipment.ts";
import type { WorkbenchDatabase } from "./schema.ts";

/** Skill levels, in order. */
export const SKILL_LEVELS: readonly SkillLevel[] = ["novice", "intermediate", "advanced"];

/** The skill level used until a user sets one. */
export const DEFAULT_SKILL: SkillLevel = "intermediate";

/** `value` when it is a skill level, else null. */
export function asSkillLevel(value: unknown): SkillLevel | null {
  return SKILL_LEVELS.includes(value as SkillLevel) ? value as SkillLevel : null;
}

/** The profile for a session of `userId`, at `skill` (default: the user's setting). */
export async function driverProfile(
  db: Kysely<WorkbenchDatabase>,
  userId: string,
  sessionId: string,
  skill?: SkillLevel,
): Promise<DriverProfile> {
  const settings = await getCoachingSettings(db, userId);
  const row = await db.selectFrom("sessions")
    .leftJoin("equipment_profiles", "equipment_profiles.id", "sessions.equipment_profile_id")
    .select("equipment_profiles.profile_json")
    .where("sessions.id", "=", sessionId).where("sessions.user_id", "=", userId)
    .executeTakeFirst();
  const details = row?.profile_json ? JSON.parse(row.profile_json) as Record<string, unknown> : {};
  return {
    skill: skill ?? asSkillLevel(settings.skillLevel) ?? DEFAULT_SKILL,
    equipment: equipmentText(details),
    vehicle: profileVehicle(row?.profile_json),
  };
}

/** Tyres, brakes and notes of an equipment profile as one line, or null when it has none. */
function equipmentText(details: Record<string, unknown>): string | null {
  const parts: string[] = [];
  const tires = details.tires as Record<string, unknown> | undefined;
  if (tires) {
    const name = [tires.model, tires.size].filter(Boolean).join(" ");
    const category = tires.category ? ` (${tires.category})` : "";
    const pressure = typeof tires.pressure_kpa === "number" ? `, ${tires.pressure_kpa} kPa` : "";
    if (name || category) parts.push(`tyres ${name}${category}${pressure}`.replace(/\s+/g, " "));
  }
  const brakes = details.brakes as Record<string, unknown> | undefined;
  if (brakes?.pad || brakes?.fluid) {
    parts.push(
      `brakes ${
        [brakes.pad && `pads ${brakes.pad}`, brakes.fluid && `fluid ${brakes.fluid}`].filter(Boolean).join(
          ", ",
        )
      }`,
    );
  }
  if (typeof details.notes === "string" && details.notes.trim()) parts.push(`notes: ${details.notes.trim()}`);
  return parts.length > 0 ? parts.join("; ") : null;
}
