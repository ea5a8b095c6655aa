/**
 * Equipment profiles (car, tyres, brakes) and their assignment to sessions.
 * A profile's `vehicle` uses the SDK's vehicle JSON (`sdk/vehicle.ts`), the
 * form the velocity-profile solver reads, and is checked with the SDK's own
 * parser. The car is an input of the analysis (the physics-optimal lap is
 * solved for it), so a change of the car a session gets (assigning or
 * removing a profile, changing or deleting the profile's vehicle) queues
 * that session's analysis again (`reanalysis.ts`); the session answers say
 * `analysis: "queued"` or `"unchanged"`. New uploads get the default
 * profile.
 *
 * @module
 */

import { parseVehicle } from "../../../sdk/mod.ts";
import {
  assignProfile,
  createProfile,
  deleteProfile,
  detailsVehicle,
  type EquipmentProfileInput,
  findProfileByName,
  getProfile,
  listProfiles,
  profileVehicle,
  sessionsWithProfile,
  sessionVehicle,
  updateProfile,
} from "../../storage/equipment.ts";
import type { EquipmentProfileRow } from "../../storage/schema.ts";
import { requireSession, type ServerContext } from "../context.ts";
import { ApiError } from "../errors.ts";
import { reanalyse } from "../reanalysis.ts";
import { type AnyApiRoute, defineApiRoute } from "../route.ts";
import type { BodySchema } from "../schema.ts";
import { SESSION_ID } from "./sessions.ts";

const TEXT = (maxLength: number) => ({ type: "string", maxLength } as const);

const DETAILS: Record<string, BodySchema> = {
  vehicle: {
    type: "object",
    description:
      "Vehicle model: mass_kg, power_w, cda_m2, crr, mu_lat, mu_brake, mu_accel, rho (see sdk/vehicle.ts)",
    properties: {},
    nullable: true,
  },
  specs: {
    type: "object",
    description: "What the car was described by, as the workbench's car form keeps it (free-form)",
    properties: {},
    nullable: true,
  },
  tires: {
    type: "object",
    properties: {
      model: TEXT(100),
      category: TEXT(40),
      size: TEXT(40),
      pressure_kpa: { type: "number", minimum: 50, maximum: 500 },
    },
    additionalProperties: false,
  },
  brakes: { type: "object", properties: { pad: TEXT(100), fluid: TEXT(100) }, additionalProperties: false },
  notes: TEXT(2000),
  is_default: { type: "boolean" },
};

const PROFILE_BODY = (required: string[]): BodySchema => ({
  type: "object",
  properties: { name: { type: "string", minLength: 1, maxLength: 100 }, ...DETAILS },
  required,
  additionalProperties: false,
});

const PROFILE_ID = { pid: { type: "string", description: "Profile id", required: true } } as const;

function profileJson(row: EquipmentProfileRow) {
  return {
    id: row.id,
    name: row.name,
    is_default: row.is_default === 1,
    ...JSON.parse(row.profile_json),
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  };
}

/** The profile fields of a checked request body; the vehicle goes through the SDK's parser. */
function profileInput(body: Record<string, unknown>): Partial<EquipmentProfileInput> {
  if (body.vehicle !== undefined && body.vehicle !== null) {
    try {
      parseVehicle(body.vehicle);
    } catch (error) {
      throw new ApiError(422, "invalid_request", `body.vehicle: ${(error as Error).message}`, {
        issues: [{ path: "body.vehicle", message: (error as Error).message }],
      });
    }
  }
  const { name, is_default, ...details } = body;
  const hasDetails = Object.keys(details).length > 0;
  return {
    ...(name === undefined ? {} : { name: name as string }),
    ...(is_default === undefined ? {} : { isDefault: is_default as boolean }),
    ...(hasDetails ? { details } : {}),
  };
}

/** Equipment routes. */
export function equipmentRoutes(ctx: ServerContext): AnyApiRoute[] {
  const db = ctx.storage.db;
  const requireProfile = async (userId: string, id: string) => {
    const row = await getProfile(db, userId, id);
    if (!row) throw new ApiError(404, "profile_not_found", `Equipment profile ${id} not found`);
    return row;
  };
  const nameFree = async (userId: string, name: string | undefined, except?: string) => {
    const other = name === undefined ? undefined : await findProfileByName(db, userId, name);
    if (other && other.id !== except) {
      throw new ApiError(409, "duplicate_name", `An equipment profile named "${name}" already exists`);
    }
  };
  const sameCar = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  /** Assigns a profile (or none) to a session, re-analysing it when its car changes. */
  const assign = async (userId: string, sessionId: string, profile: EquipmentProfileRow | null) => {
    const changed = !sameCar(await sessionVehicle(db, sessionId), profileVehicle(profile?.profile_json));
    const apply = (trx: typeof db) => assignProfile(trx, userId, sessionId, profile?.id ?? null);
    if (changed) await reanalyse(ctx, [sessionId], apply);
    else await apply(db);
    return changed ? "queued" : "unchanged";
  };
  return [
    defineApiRoute({
      method: "GET",
      path: "/api/equipment/profiles",
      summary: "The caller's equipment profiles, default first",
      tag: "equipment",
      responses: { 200: "list of profiles" },
      handler: async ({ userId }) => (await listProfiles(db, userId)).map(profileJson),
    }),
    defineApiRoute({
      method: "POST",
      path: "/api/equipment/profiles",
      summary: "Creates an equipment profile",
      tag: "equipment",
      body: PROFILE_BODY(["name"]),
      responses: { 201: "the profile", 409: "a profile with this name exists", 422: "invalid profile" },
      async handler({ body, userId }) {
        const input = profileInput(body as Record<string, unknown>);
        await nameFree(userId, input.name);
        const row = await db.transaction().execute((trx) =>
          createProfile(trx, userId, {
            name: input.name!,
            details: input.details ?? {},
            isDefault: !!input.isDefault,
          })
        );
        return profileJson(row);
      },
    }),
    defineApiRoute({
      method: "GET",
      path: "/api/equipment/profiles/{pid}",
      summary: "One equipment profile",
      tag: "equipment",
      params: PROFILE_ID,
      responses: { 200: "the profile", 404: "no such profile" },
      handler: async ({ params, userId }) => profileJson(await requireProfile(userId, params.pid)),
    }),
    defineApiRoute({
      method: "PATCH",
      path: "/api/equipment/profiles/{pid}",
      summary: "Changes an equipment profile (the given fields; details replace the old details)",
      tag: "equipment",
      params: PROFILE_ID,
      body: PROFILE_BODY([]),
      responses: {
        200:
          "the profile, and in `reanalysed` the ids of the sessions analysed again (those it is assigned to, when its vehicle changed)",
        404: "no such profile",
        409: "name taken",
        422: "invalid profile",
      },
      async handler({ params, body, userId }) {
        const old = await requireProfile(userId, params.pid);
        const input = profileInput(body as Record<string, unknown>);
        await nameFree(userId, input.name, params.pid);
        const oldCar = profileVehicle(old.profile_json);
        const newCar = input.details === undefined ? oldCar : detailsVehicle(input.details);
        const sessions = sameCar(newCar, oldCar) ? [] : await sessionsWithProfile(db, userId, params.pid);
        let row: EquipmentProfileRow | undefined;
        await reanalyse(ctx, sessions, async (trx) => {
          row = await updateProfile(trx, userId, params.pid, input);
        });
        if (!row) throw new ApiError(404, "profile_not_found", `Equipment profile ${params.pid} not found`);
        return { ...profileJson(row), reanalysed: sessions };
      },
    }),
    defineApiRoute({
      method: "DELETE",
      path: "/api/equipment/profiles/{pid}",
      summary: "Deletes an equipment profile (sessions using it lose the assignment)",
      tag: "equipment",
      params: PROFILE_ID,
      responses: {
        200: "`{deleted, reanalysed}`: the ids of the sessions analysed again (those it had a car for)",
        404: "no such profile",
      },
      async handler({ params, userId }) {
        const profile = await requireProfile(userId, params.pid);
        const sessions = profileVehicle(profile.profile_json)
          ? await sessionsWithProfile(db, userId, params.pid)
          : [];
        await reanalyse(ctx, sessions, (trx) => deleteProfile(trx, userId, params.pid));
        return { deleted: profile.id, reanalysed: sessions };
      },
    }),
    defineApiRoute({
      method: "GET",
      path: "/api/sessions/{id}/equipment",
      summary: "The equipment profile assigned to a session, or null",
      tag: "equipment",
      params: SESSION_ID,
      responses: { 200: "`{session_id, profile}`", 404: "no such session" },
      async handler({ params, userId }) {
        const session = await requireSession(ctx, userId, params.id);
        const profile = session.equipment_profile_id
          ? await getProfile(db, userId, session.equipment_profile_id)
          : undefined;
        return { session_id: session.id, profile: profile ? profileJson(profile) : null };
      },
    }),
    defineApiRoute({
      method: "PUT",
      path: "/api/sessions/{id}/equipment",
      summary: "Assigns one of the caller's equipment profiles to a session",
      tag: "equipment",
      params: SESSION_ID,
      body: {
        type: "object",
        properties: { profile_id: { type: "string", minLength: 1, maxLength: 100 } },
        required: ["profile_id"],
        additionalProperties: false,
      },
      responses: {
        200:
          '`{session_id, profile, analysis}`: `analysis` is `"queued"` when the car changed, else `"unchanged"`',
        404: "no such session",
        422: "unknown profile",
      },
      async handler({ params, body, userId }) {
        const session = await requireSession(ctx, userId, params.id);
        const profileId = (body as { profile_id: string }).profile_id;
        const profile = await getProfile(db, userId, profileId);
        if (!profile) {
          throw new ApiError(422, "invalid_request", `Equipment profile ${profileId} not found`, {
            issues: [{ path: "body.profile_id", message: "is not one of your profiles" }],
          });
        }
        const analysis = await assign(userId, session.id, profile);
        return { session_id: session.id, profile: profileJson(profile), analysis };
      },
    }),
    defineApiRoute({
      method: "DELETE",
      path: "/api/sessions/{id}/equipment",
      summary: "Removes the equipment assignment of a session",
      tag: "equipment",
      params: SESSION_ID,
      responses: {
        200: '`{session_id, profile: null, analysis}`: `"queued"` when the profile had a vehicle',
        404: "no such session",
      },
      async handler({ params, userId }) {
        const session = await requireSession(ctx, userId, params.id);
        return { session_id: session.id, profile: null, analysis: await assign(userId, session.id, null) };
      },
    }),
  ];
}
