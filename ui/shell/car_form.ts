/**
 * The form describing a car by what its driver knows — kerb weight, rated
 * power, driven wheels, tyre category — with the less common figures (drag
 * and downforce areas, centre of gravity, wheelbase, weight on the front)
 * under "More", at typical values until the driver knows better. It checks
 * every number and hands back the SDK's `CarSpecs`; the car picker turns
 * them into the solver's vehicle with `vehicleFromSpecs`. The specs are
 * kept on the profile (`specs`, snake_case) so the form can edit them again.
 *
 * @module
 */

import { html } from "htm/preact";
import type { VNode } from "preact";
import * as hooks from "preact/hooks";
import type { CarSpecs, TyreCategory } from "../../sdk/car_specs.ts";
import type { SpecsJson } from "../api/equipment_api.ts";

/** Tyre categories as the form offers them. */
const TYRES: Readonly<Record<TyreCategory, string>> = {
  street: "Street",
  endurance_200tw: "Endurance 200TW",
  super_200tw: "Super 200TW",
  "100tw": "100TW",
  r_compound: "R-compound",
  slick: "Slicks",
};

/** What the "More" fields start at: a typical sports car without aero. */
const TYPICAL = { cdaM2: 0.7, claM2: 0, cgHeightM: 0.5, wheelbaseM: 2.5, frontWeightShare: 0.52 };

/** The form's fields, as typed. */
interface Fields {
  name: string;
  weightKg: string;
  powerHp: string;
  drivetrain: CarSpecs["drivetrain"];
  tyre: TyreCategory;
  cdaM2: string;
  claM2: string;
  cgHeightM: string;
  wheelbaseM: string;
  frontPct: string;
  isDefault: boolean;
}

/** The fields for a new car, or for editing one described by `specs`. */
function initialFields(name: string, specs: SpecsJson | null, isDefault: boolean): Fields {
  return {
    name,
    weightKg: specs ? String(specs.weight_kg) : "",
    powerHp: specs ? String(specs.power_hp) : "",
    drivetrain: specs?.drivetrain ?? "RWD",
    tyre: specs?.tyre ?? "super_200tw",
    cdaM2: String(specs?.cda_m2 ?? TYPICAL.cdaM2),
    claM2: String(specs?.cla_m2 ?? TYPICAL.claM2),
    cgHeightM: String(specs?.cg_height_m ?? TYPICAL.cgHeightM),
    wheelbaseM: String(specs?.wheelbase_m ?? TYPICAL.wheelbaseM),
    frontPct: String(Math.round((specs?.front_weight_share ?? TYPICAL.frontWeightShare) * 1000) / 10),
    isDefault,
  };
}

/** The specs of filled fields, or what is wrong with them. */
function specsOf(form: Fields): CarSpecs | string {
  if (!form.name.trim()) return "Give the car a name.";
  const number = (text: string, label: string, min: number, max: number): number | string => {
    const value = Number(text);
    return text.trim() !== "" && Number.isFinite(value) && value >= min && value <= max
      ? value
      : `${label} must be a number from ${min} to ${max}.`;
  };
  const fields = {
    weightKg: number(form.weightKg, "Kerb weight", 300, 5000),
    powerHp: number(form.powerHp, "Power", 20, 2000),
    cdaM2: number(form.cdaM2, "Drag area", 0.1, 3),
    claM2: number(form.claM2, "Downforce area", 0, 5),
    cgHeightM: number(form.cgHeightM, "Centre of gravity height", 0.1, 1.5),
    wheelbaseM: number(form.wheelbaseM, "Wheelbase", 1.5, 4.5),
    frontPct: number(form.frontPct, "Weight on the front", 20, 80),
  };
  const problem = Object.values(fields).find((v) => typeof v === "string");
  if (typeof problem === "string") return problem;
  const n = fields as Record<keyof typeof fields, number>;
  return {
    weightKg: n.weightKg,
    powerHp: n.powerHp,
    drivetrain: form.drivetrain,
    cdaM2: n.cdaM2,
    claM2: n.claM2,
    cgHeightM: n.cgHeightM,
    wheelbaseM: n.wheelbaseM,
    frontWeightShare: n.frontPct / 100,
    tyre: form.tyre,
  };
}

/** What the form hands back. */
export interface CarFormResult {
  /** The car's name. */
  name: string;
  /** Its specs. */
  specs: CarSpecs;
  /** Whether new uploads get it. */
  isDefault: boolean;
}

/** Properties of {@linkcode CarForm}. */
export interface CarFormProps {
  /** The form's title for assistive technology, e.g. `"New car"`. */
  label: string;
  /** The submit button's text. */
  submitLabel: string;
  /** The car edited (its name, kept specs and default flag), or undefined for a new one. */
  editing?: { name: string; specs: SpecsJson | null; isDefault: boolean };
  /** Whether a submission is under way. */
  pending: boolean;
  /** Called with valid fields. */
  onSubmit: (result: CarFormResult) => void;
  /** Called on Cancel. */
  onCancel: () => void;
}

/** The car form. */
export function CarForm({ label, submitLabel, editing, pending, onSubmit, onCancel }: CarFormProps): VNode {
  const [form, setForm] = hooks.useState<Fields>(() =>
    initialFields(editing?.name ?? "", editing?.specs ?? null, editing?.isDefault ?? false)
  );
  const [problem, setProblem] = hooks.useState<string | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    const specs = specsOf(form);
    setProblem(typeof specs === "string" ? specs : null);
    if (typeof specs !== "string") onSubmit({ name: form.name.trim(), specs, isDefault: form.isDefault });
  };
  const set = <K extends keyof Fields>(key: K) => (e: Event) =>
    setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement | HTMLSelectElement).value });
  const field = (key: keyof Fields, text: string, unit: string, placeholder = "") =>
    html`<label class="field small"><span>${text}${unit && ` (${unit})`}</span>
      <input inputmode="decimal" name=${key} value=${form[key] as string} placeholder=${placeholder}
        onInput=${set(key)} />
    </label>`;
  return html`
    <form class="car-new" onSubmit=${submit} aria-label=${label}>
      <label class="field small"><span>Name</span>
        <input name="name" value=${form.name} maxLength="100" placeholder="e.g. Miata ND2" onInput=${set(
          "name",
        )} />
      </label>
      <div class="form-row">
        ${field("weightKg", "Kerb weight", "kg", "1100")} ${field("powerHp", "Power", "hp", "181")}
      </div>
      <div class="form-row">
        <label class="field small"><span>Driven wheels</span>
          <select name="drivetrain" value=${form.drivetrain} onChange=${set("drivetrain")}>
            <option value="RWD">Rear</option>
            <option value="FWD">Front</option>
            <option value="AWD">All four</option>
          </select>
        </label>
        <label class="field small"><span>Tyres</span>
          <select name="tyre" value=${form.tyre} onChange=${set("tyre")}>
            ${(Object.keys(TYRES) as TyreCategory[]).map((t) =>
              html`<option value=${t}>${TYRES[t]}</option>`
            )}
          </select>
        </label>
      </div>
      <details class="car-more">
        <summary class="small">More (typical values until you know better)</summary>
        <div class="form-row">${field("cdaM2", "Drag area", "m²")} ${field(
          "claM2",
          "Downforce area",
          "m²",
        )}</div>
        <div class="form-row">
          ${field("cgHeightM", "CG height", "m")} ${field("wheelbaseM", "Wheelbase", "m")}
          ${field("frontPct", "Front weight", "%")}
        </div>
      </details>
      <label class="check small">
        <input type="checkbox" name="isDefault" checked=${form.isDefault} onChange=${() =>
          setForm({ ...form, isDefault: !form.isDefault })} /> Use for new uploads
      </label>
      ${problem && html`<p class="inline-error" role="alert">${problem}</p>`}
      <div class="form-row">
        <button type="submit" class="button primary" disabled=${pending}>${submitLabel}</button>
        <button type="button" class="link" onClick=${onCancel}>Cancel</button>
      </div>
    </form>
  `;
}
