/**
 * Equipment profiles (car, tyres, brakes) of a user and their assignment to
 * sessions. A profile's details are free-form JSON validated by the server.
 *
 * @module
 */

import type { Kysely } from "kysely";
import { parseVehicle, type Vehicle } from "../../sdk/mod.ts";
import type { EquipmentProfileRow, WorkbenchDatabase } from "./schema.ts";

type Db = Kysely<WorkbenchDatabase>;

/** Fields of a profile a user may set. */
export interface EquipmentProfileInput {
  /** Name, unique per user. */
  name: string;
  /** Details (vehicle, tyres, brakes, notes). */
  details: Record<string, unknown>;
  /** Whether it is the user's default. */
  isDefault: boolean;
}

/** The owner's profiles, default first, then by name. */
export function listProfiles(db: Db, userId: string): Promise<EquipmentProfileRow[]> {
  return db.selectFrom("equipment_profiles").selectAll().where("user_id", "=", userId)
    .orderBy("is_default", "desc").orderBy("name").execute();
}

/** One of the owner's profiles, or undefined. */
export function getProfile(db: Db, userId: string, id: string): Promise<EquipmentProfileRow | undefined> {
  return db.selectFrom("equipment_profiles").selectAll().where("id", "=", id).where("user_id", "=", userId)
    .executeTakeFirst();
}

/** The owner's profile with this name, or undefined. */
export function findProfileByName(
  db: Db,
  userId: string,
  name: string,
): Promise<EquipmentProfileRow | undefined> {
  return db.selectFrom("equipment_profiles").selectAll().where("user_id", "=", userId).where(
    "name",
    "=",
    name,
  )
    .executeTakeFirst();
}

/** Creates a profile (making it the only default when asked); returns it. */
export async function createProfile(
  db: Db,
  userId: string,
  input: EquipmentProfileInput,
): Promise<EquipmentProfileRow> {
  const now = Date.now();
  if (input.isDefault) await clearDefault(db, userId);
  return await db.insertInto("equipment_profiles")
    .values({
      id: crypto.randomUUID(),
      user_id: userId,
      name: input.name,
      profile_json: JSON.stringify(input.details),
      is_default: input.isDefault ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Changes the given fields of a profile; returns it, or undefined when the owner has no such profile. */
export async function updateProfile(
  db: Db,
  userId: string,
  id: string,
  input: Partial<EquipmentProfileInput>,
): Promise<EquipmentProfileRow | undefined> {
  if (input.isDefault) await clearDefault(db, userId);
  return await db.updateTable("equipment_profiles")
    .set({
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.details === undefined ? {} : { profile_json: JSON.stringify(input.details) }),
      ...(input.isDefault === undefined ? {} : { is_default: input.isDefault ? 1 : 0 }),
      updated_at: Date.now(),
    })
    .where("id", "=", id).where("user_id", "=", userId)
    .returningAll()
    .executeTakeFirst();
}

/**
 * The car of a profile's details (`profile_json`) as the velocity-profile
 * solver reads it, or null when the profile has none. A vehicle that no
 * longer parses (saved by an older version) counts as none.
 */
export function profileVehicle(profileJson: string | null | undefined): Vehicle | null {
  return detailsVehicle(profileJson ? JSON.parse(profileJson) as Record<string, unknown> : {});
}

/** The car of a profile's details (parsed), as {@linkcode profileVehicle}. */
export function detailsVehicle(details: Record<string, unknown>): Vehicle | null {
  try {
    return details.vehicle ? parseVehicle(details.vehicle) : null;
  } catch {
    return null;
  }
}

/** The car of the profile assigned to a session, or null (no profile, or one without a car). */
export async function sessionVehicle(db: Db, sessionId: string): Promise<Vehicle | null> {
  const row = await db.selectFrom("sessions")
    .leftJoin("equipment_profiles", "equipment_profiles.id", "sessions.equipment_profile_id")
    .select("equipment_profiles.profile_json")
    .where("sessions.id", "=", sessionId)
    .executeTakeFirst();
  return profileVehicle(row?.profile_json);
}

/** Ids of the owner's sessions a profile is assigned to. */
export async function sessionsWithProfile(db: Db, userId: string, profileId: string): Promise<string[]> {
  const rows = await db.selectFrom("sessions").select("id")
    .where("user_id", "=", userId).where("equipment_profile_id", "=", profileId).execute();
  return rows.map((r) => r.id);
}

/** The owner's default profile, or undefined. */
export function defaultProfile(db: Db, userId: string): Promise<EquipmentProfileRow | undefined> {
  return db.selectFrom("equipment_profiles").selectAll().where("user_id", "=", userId)
    .where("is_default", "=", 1).executeTakeFirst();
}

/** Deletes a profile (sessions using it lose the assignment); false when there is none. */
export async function deleteProfile(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom("equipment_profiles").where("id", "=", id).where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Assigns a profile (or none) to one of the owner's sessions; false when the session is not the owner's. */
export async function assignProfile(
  db: Db,
  userId: string,
  sessionId: string,
  profileId: string | null,
): Promise<boolean> {
  const result = await db.updateTable("sessions")
    .set({ equipment_profile_id: profileId, updated_at: Date.now() })
    .where("id", "=", sessionId).where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

async function clearDefault(db: Db, userId: string): Promise<void> {
  await db.updateTable("equipment_profiles").set({ is_default: 0 }).where("user_id", "=", userId)
    .where("is_default", "=", 1).execute();
}
