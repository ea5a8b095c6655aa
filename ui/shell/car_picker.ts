/**
 * The car of the open session, beside the lap picker: which equipment
 * profile the physics-optimal lap is solved for (none: the car is estimated
 * from the session's own grip), and a form for a new car from what its
 * driver knows — kerb weight, rated power, driven wheels, tyre category —
 * turned into the solver's vehicle model by the SDK's `vehicleFromSpecs`
 * (less common figures, such as drag area, under "More"). Choosing a car
 * analyses the session again; the picker waits for it and then asks for the
 * session to be reloaded.
 *
 * @module
 */

import { html } from "htm/preact";
import type { VNode } from "preact";
import * as hooks from "preact/hooks";
import { type CarSpecs, type TyreCategory, vehicleFromSpecs } from "../../sdk/car_specs.ts";
import { vehicleToJson } from "../../sdk/vehicle.ts";
import { showActionError, showRequest, useAction, useRequest } from "../../sdk/view_requests.ts";
import { assignProfile, createProfile, listProfiles, sessionProfile } from "../api/equipment_api.ts";
import { reanalysed } from "../upload/transfer.ts";

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
interface CarForm {
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

const EMPTY_FORM: CarForm = {
  name: "",
  weightKg: "",
  powerHp: "",
  drivetrain: "RWD",
  tyre: "super_200tw",
  cdaM2: String(TYPICAL.cdaM2),
  claM2: String(TYPICAL.claM2),
  cgHeightM: String(TYPICAL.cgHeightM),
  wheelbaseM: String(TYPICAL.wheelbaseM),
  frontPct: String(TYPICAL.frontWeightShare * 100),
  isDefault: false,
};

/** The specs of a filled form, or what is wrong with it. */
function specsOf(form: CarForm): CarSpecs | string {
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

/** Properties of {@linkcode CarPicker}. */
export interface CarPickerProps {
  /** The open session. */
  sessionId: string;
  /** Called once a change of the car has been analysed (reload the session). */
  onAnalysed: () => void;
}

/** A disclosure with the session's car, the driver's other cars and a form for a new one. */
export function CarPicker({ sessionId, onAnalysed }: CarPickerProps): VNode {
  const cars = useRequest(
    hooks,
    async () => ({ profiles: await listProfiles(), current: await sessionProfile(sessionId) }),
    [sessionId],
  );
  const action = useAction(hooks);
  const [form, setForm] = hooks.useState<CarForm>(EMPTY_FORM);
  const [adding, setAdding] = hooks.useState(false);
  const [reanalysing, setReanalysing] = hooks.useState(false);
  const [problem, setProblem] = hooks.useState<string | null>(null);
  const current = cars.state.status === "ready" ? cars.state.value.current : null;

  const assign = async (profileId: string | null) => {
    const change = await assignProfile(sessionId, profileId);
    setReanalysing(change === "queued");
    const again = await reanalysed(sessionId, change).finally(() => setReanalysing(false));
    await cars.reload();
    if (again) onAnalysed();
  };
  const use = (profileId: string | null) => action.run(() => assign(profileId));
  const add = (e: Event) => {
    e.preventDefault();
    const specs = specsOf(form);
    setProblem(typeof specs === "string" ? specs : null);
    if (typeof specs === "string") return;
    void action.run(async () => {
      const profile = await createProfile({
        name: form.name.trim(),
        vehicle: vehicleToJson(vehicleFromSpecs(specs)),
        tyreCategory: form.tyre,
        isDefault: form.isDefault,
      });
      setForm(EMPTY_FORM);
      setAdding(false);
      await assign(profile.id);
    });
  };
  const field = (key: keyof CarForm, label: string, unit: string, placeholder = "") =>
    html`<label class="field small"><span>${label}${unit && ` (${unit})`}</span>
      <input inputmode="decimal" name=${key} value=${form[key] as string} placeholder=${placeholder}
        onInput=${(e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value })} />
    </label>`;

  return html`
    <details class="bar-menu car-picker">
      <summary>Car: ${current ? current.name : "estimated"}</summary>
      <div class="bar-menu-panel car-form">
        ${showRequest(html, cars, "your cars", ({ profiles }) =>
          html`
            <label class="small" for="car-choice">The optimal lap is solved for</label>
            <select id="car-choice" value=${current?.id ?? ""} disabled=${action.pending} onChange=${(
              e: Event,
            ) => void use((e.currentTarget as HTMLSelectElement).value || null)}>
              <option value="">A car estimated from this session's grip</option>
              ${profiles.map((p) =>
                html`<option value=${p.id}>${p.name}${p.vehicle ? "" : " (no car model)"}${
                  p.isDefault ? " · default" : ""
                }</option>`
              )}
            </select>
            ${current && !current.vehicle &&
              html`<p class="muted small">This profile has no car model, so the car is still estimated.</p>`}
            ${reanalysing && html`<p class="muted small" role="status">Analysing the session again…</p>`}
            ${!adding &&
              html`<button type="button" class="link" onClick=${() => setAdding(true)}>New car…</button>`}
            ${adding && html`
              <form class="car-new" onSubmit=${add} aria-label="New car">
                <label class="field small"><span>Name</span>
                  <input name="name" value=${form.name} maxLength="100" placeholder="e.g. Miata ND2"
                    onInput=${(e: Event) =>
                      setForm({ ...form, name: (e.currentTarget as HTMLInputElement).value })} />
                </label>
                <div class="form-row">
                  ${field("weightKg", "Kerb weight", "kg", "1100")}
                  ${field("powerHp", "Power", "hp", "181")}
                </div>
                <div class="form-row">
                  <label class="field small"><span>Driven wheels</span>
                    <select name="drivetrain" value=${form.drivetrain} onChange=${(e: Event) =>
                      setForm({
                        ...form,
                        drivetrain: (e.currentTarget as HTMLSelectElement).value as CarSpecs["drivetrain"],
                      })}>
                      <option value="RWD">Rear</option>
                      <option value="FWD">Front</option>
                      <option value="AWD">All four</option>
                    </select>
                  </label>
                  <label class="field small"><span>Tyres</span>
                    <select name="tyre" value=${form.tyre} onChange=${(e: Event) =>
                      setForm({
                        ...form,
                        tyre: (e.currentTarget as HTMLSelectElement).value as TyreCategory,
                      })}>
                      ${(Object.keys(TYRES) as TyreCategory[]).map((t) =>
                        html`<option value=${t}>${TYRES[t]}</option>`
                      )}
                    </select>
                  </label>
                </div>
                <details class="car-more">
                  <summary class="small">More (typical values until you know better)</summary>
                  <div class="form-row">
                    ${field("cdaM2", "Drag area", "m²")} ${field("claM2", "Downforce area", "m²")}
                  </div>
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
                  <button type="submit" class="button primary" disabled=${action.pending}>Add and use</button>
                  <button type="button" class="link" onClick=${() => setAdding(false)}>Cancel</button>
                </div>
              </form>
            `}
            ${showActionError(html, action)}
          `)}
      </div>
    </details>
  `;
}
