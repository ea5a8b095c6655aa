/**
 * Car classes: what the leaderboards filter by, read from the equipment
 * profile assigned to a session (`AppEquipment.details`). Two independent
 * dimensions, so a driver on street tyres in a light car is only ranked
 * against like cars when they ask for it:
 *
 * - **Tyres** (from `tires.category`), in three grip bands: `street` (street
 *   and endurance 200-treadwear tyres), `track` (super 200-treadwear and
 *   100-treadwear tyres), `race` (R-compounds and slicks).
 * - **Power to weight** (from the profile's `vehicle`, `power_w ÷ mass_kg`):
 *   `low` up to 150 W/kg (≈ 200 hp per tonne), `mid` up to 260 W/kg
 *   (≈ 350 hp per tonne), `high` above.
 *
 * A session without a profile, or whose profile does not say, is
 * `unclassified` in that dimension: it is on the open boards ("all") and
 * under "unclassified", never in a class it may not belong to.
 *
 * @module
 */

import type { AppEquipment, JsonValue } from "../../sdk/mod.ts";

/** The class id of a session whose equipment does not say. */
export const UNCLASSIFIED = "unclassified";

/** One class of a dimension, as the API documents it. */
export interface CarClass {
  /** Stable id used in filters. */
  readonly id: string;
  /** Short display name. */
  readonly label: string;
  /** What belongs in it. */
  readonly description: string;
}

interface TyreClass extends CarClass {
  readonly categories: readonly string[];
}

interface PowerClass extends CarClass {
  readonly upToWPerKg: number;
}

const TYRE_CLASS_LIST: readonly TyreClass[] = [
  {
    id: "street",
    label: "Street tyres",
    description: "Street and endurance 200-treadwear tyres (categories street, endurance_200tw)",
    categories: ["street", "endurance_200tw"],
  },
  {
    id: "track",
    label: "Track tyres",
    description: "Super 200-treadwear and 100-treadwear tyres (categories super_200tw, 100tw)",
    categories: ["super_200tw", "100tw"],
  },
  {
    id: "race",
    label: "Race tyres",
    description: "R-compound tyres and slicks (categories r_compound, slick)",
    categories: ["r_compound", "slick"],
  },
];

const POWER_CLASS_LIST: readonly PowerClass[] = [
  {
    id: "low",
    label: "≤ 150 W/kg",
    description: "Up to 150 W per kg (about 200 hp per tonne)",
    upToWPerKg: 150,
  },
  {
    id: "mid",
    label: "150–260 W/kg",
    description: "Over 150 and up to 260 W per kg (about 200–350 hp per tonne)",
    upToWPerKg: 260,
  },
  {
    id: "high",
    label: "> 260 W/kg",
    description: "Over 260 W per kg (about 350 hp per tonne)",
    upToWPerKg: Infinity,
  },
];

const UNCLASSIFIED_CLASS: CarClass = {
  id: UNCLASSIFIED,
  label: "Unclassified",
  description: "No equipment profile on the session, or it does not say",
};

/** The tyre classes, then `unclassified`. */
export const TYRE_CLASSES: readonly CarClass[] = [
  ...TYRE_CLASS_LIST.map(({ id, label, description }) => ({ id, label, description })),
  UNCLASSIFIED_CLASS,
];

/** The power-to-weight classes, then `unclassified`. */
export const POWER_CLASSES: readonly CarClass[] = [
  ...POWER_CLASS_LIST.map(({ id, label, description }) => ({ id, label, description })),
  UNCLASSIFIED_CLASS,
];

/** Other spellings of the categories, as users type them. */
const CATEGORY_ALIASES: Readonly<Record<string, string>> = {
  r_comp: "r_compound",
  r: "r_compound",
  tw_100: "100tw",
  "100_tw": "100tw",
  "200tw": "endurance_200tw",
  endurance: "endurance_200tw",
  super: "super_200tw",
  "super_200": "super_200tw",
  slicks: "slick",
};

function objectAt(details: AppEquipment["details"], key: string): { [key: string]: JsonValue } | null {
  const value = details[key];
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : null;
}

/** The tyre class of a session's equipment (undefined: no profile). */
export function tyreClassOf(equipment: AppEquipment | undefined): string {
  const category = equipment && objectAt(equipment.details, "tires")?.category;
  if (typeof category !== "string") return UNCLASSIFIED;
  const normal = category.trim().toLowerCase().replace(/[\s-]+/g, "_");
  const canonical = CATEGORY_ALIASES[normal] ?? normal;
  return TYRE_CLASS_LIST.find((c) => c.categories.includes(canonical))?.id ?? UNCLASSIFIED;
}

/** The power-to-weight class of a session's equipment (undefined: no profile). */
export function powerClassOf(equipment: AppEquipment | undefined): string {
  const vehicle = equipment && objectAt(equipment.details, "vehicle");
  const powerW = vehicle?.power_w, massKg = vehicle?.mass_kg;
  if (typeof powerW !== "number" || typeof massKg !== "number" || !(powerW > 0) || !(massKg > 0)) {
    return UNCLASSIFIED;
  }
  const ratio = powerW / massKg;
  return POWER_CLASS_LIST.find((c) => ratio <= c.upToWPerKg)!.id;
}
