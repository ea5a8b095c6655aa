/**
 * Equipment profiles and their assignment to a session, as the car picker
 * uses them (`/api/equipment/profiles`, `/api/sessions/{id}/equipment`).
 *
 * @module
 */

/// <reference lib="dom" />

import type { VehicleJson } from "../../sdk/vehicle.ts";
import { requestJson } from "./http.ts";
import type { AnalysisChange } from "./server_api.ts";

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
}

// deno-lint-ignore no-explicit-any
function toProfile(body: any): EquipmentProfile {
  return {
    id: body.id,
    name: body.name,
    isDefault: body.is_default,
    vehicle: body.vehicle ?? null,
    tyreCategory: body.tires?.category ?? null,
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

/** What a new profile holds. */
export interface NewProfile {
  /** Name. */
  name: string;
  /** The car model. */
  vehicle: VehicleJson;
  /** Tyre category. */
  tyreCategory: string;
  /** Whether new uploads get it. */
  isDefault: boolean;
}

/** Creates a profile. */
export async function createProfile(profile: NewProfile): Promise<EquipmentProfile> {
  return toProfile(
    await requestJson("/api/equipment/profiles", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name: profile.name,
        vehicle: profile.vehicle,
        tires: { category: profile.tyreCategory },
        is_default: profile.isDefault,
      }),
    }),
  );
}

/** Assigns a profile to a session (null removes the assignment). */
export async function assignProfile(sessionId: string, profileId: string | null): Promise<AnalysisChange> {
  const body = await requestJson<{ analysis: AnalysisChange }>(
    sessionPath(sessionId),
    profileId === null ? { method: "DELETE" } : {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ profile_id: profileId }),
    },
  );
  return body.analysis;
}
