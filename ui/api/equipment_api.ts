/**
 * Equipment profiles and their assignment to a session, as the car picker
 * uses them (`/api/equipment/profiles`, `/api/sessions/{id}/equipment`).
 *
 * @module
 */

/// <reference lib="dom" />

import type { VehicleJson } from "../../sdk/vehicle.ts";
import { requestJson } from "./http.ts";
import type { CarSpecs, TyreCategory } from "../../sdk/car_specs.ts";
import type { AnalysisChange } from "./server_api.ts";

/** The specs as a profile keeps them (`specs` in its details). */
export interface SpecsJson {
  /** Kerb weight, kg. */
  weight_kg: number;
  /** Rated power, hp. */
  power_hp: number;
  /** Driven wheels. */
  drivetrain: CarSpecs["drivetrain"];
  /** Drag area, m². */
  cda_m2: number;
  /** Lift (downforce) area, m². */
  cla_m2: number;
  /** Height of the centre of gravity, m. */
  cg_height_m: number;
  /** Wheelbase, m. */
  wheelbase_m: number;
  /** Share of the weight on the front axle, 0..1. */
  front_weight_share: number;
  /** Tyre category. */
  tyre: TyreCategory;
}

/** The specs in the form a profile keeps. */
export function specsToJson(s: CarSpecs): SpecsJson {
  return {
    weight_kg: s.weightKg,
    power_hp: s.powerHp,
    drivetrain: s.drivetrain,
    cda_m2: s.cdaM2,
    cla_m2: s.claM2,
    cg_height_m: s.cgHeightM,
    wheelbase_m: s.wheelbaseM,
    front_weight_share: s.frontWeightShare,
    tyre: s.tyre,
  };
}

/** An equipment profile as the car picker shows it. */
export interface EquipmentProfile {
  /** Profile id. */
  id: string;
  /** Name, unique per driver. */
  name: string;
  /** Whether new uploads get it. */
  isDefault: boolean;
  /** The car model, or null when the profile has none. */
  vehicle: VehicleJson | null;
  /** Tyre category (`street` ... `slick`), or null. */
  tyreCategory: string | null;
  /** What the car form described it by (`specs`), or null when it was made otherwise. */
  specs: SpecsJson | null;
  /** Every detail as stored (vehicle, tires, brakes, notes, specs...), to send back unchanged on an edit. */
  details: Record<string, unknown>;
}

// deno-lint-ignore no-explicit-any
function toProfile(body: any): EquipmentProfile {
  const { id, name, is_default, created_at: _c, updated_at: _u, reanalysed: _r, ...details } = body;
  return {
    id,
    name,
    isDefault: is_default,
    vehicle: body.vehicle ?? null,
    tyreCategory: body.tires?.category ?? null,
    specs: body.specs ?? null,
    details,
  };
}

const sessionPath = (id: string) => `/api/sessions/${encodeURIComponent(id)}/equipment`;

/** The driver's profiles, default first. */
export async function listProfiles(): Promise<EquipmentProfile[]> {
  return (await requestJson<unknown[]>("/api/equipment/profiles")).map(toProfile);
}

/** The profile assigned to a session, or null. */
export async function sessionProfile(sessionId: string): Promise<EquipmentProfile | null> {
  const body = await requestJson<{ profile: unknown }>(sessionPath(sessionId));
  return body.profile ? toProfile(body.profile) : null;
}

/** A car as the car form describes it. */
export interface CarProfile {
  /** Name. */
  name: string;
  /** The car model. */
  vehicle: VehicleJson;
  /** What the form described it by. */
  specs: SpecsJson;
  /** Whether new uploads get it. */
  isDefault: boolean;
}

/** The body of a profile for `car`, keeping the other `details` (brakes, notes...) of an edited one. */
function profileBody(car: CarProfile, details: Record<string, unknown> = {}) {
  const tires = { ...(details.tires as Record<string, unknown> | undefined), category: car.specs.tyre };
  return JSON.stringify({
    ...details,
    name: car.name,
    vehicle: car.vehicle,
    specs: car.specs,
    tires,
    is_default: car.isDefault,
  });
}

const json = { "content-type": "application/json" };

/** Creates a profile. */
export async function createProfile(car: CarProfile): Promise<EquipmentProfile> {
  return toProfile(
    await requestJson("/api/equipment/profiles", { method: "POST", headers: json, body: profileBody(car) }),
  );
}

/** Changes a profile; resolves with the ids of the sessions analysed again because its car changed. */
export async function updateProfile(profile: EquipmentProfile, car: CarProfile): Promise<string[]> {
  const body = await requestJson<{ reanalysed: string[] }>(
    `/api/equipment/profiles/${encodeURIComponent(profile.id)}`,
    { method: "PATCH", headers: json, body: profileBody(car, profile.details) },
  );
  return body.reanalysed;
}

/** Deletes a profile; resolves with the ids of the sessions analysed again (it had a car for them). */
export async function deleteProfile(profileId: string): Promise<string[]> {
  const body = await requestJson<{ reanalysed: string[] }>(
    `/api/equipment/profiles/${encodeURIComponent(profileId)}`,
    { method: "DELETE" },
  );
  return body.reanalysed;
}

/** Assigns a profile to a session (null removes the assignment). */
export async function assignProfile(sessionId: string, profileId: string | null): Promise<AnalysisChange> {
  const body = await requestJson<{ analysis: AnalysisChange }>(
    sessionPath(sessionId),
    profileId === null
      ? { method: "DELETE" }
      : { method: "PUT", headers: json, body: JSON.stringify({ profile_id: profileId }) },
  );
  return body.analysis;
}
