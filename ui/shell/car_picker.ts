/**
 * The car of the open session, beside the lap picker: which equipment
 * profile the physics-optimal lap is solved for (none: the car is estimated
 * from the session's own grip); a new car from the car form (`car_form.ts`),
 * turned into the solver's vehicle model by the SDK's `vehicleFromSpecs`;
 * and, for the session's car, editing it or deleting it. Each of these
 * analyses the session again; the picker waits for it and then asks for the
 * session to be reloaded.
 *
 * @module
 */

import { html } from "htm/preact";
import type { VNode } from "preact";
import * as hooks from "preact/hooks";
import { vehicleFromSpecs } from "../../sdk/car_specs.ts";
import { vehicleToJson } from "../../sdk/vehicle.ts";
import { ConfirmButton } from "../../sdk/view_confirm.ts";
import { showActionError, showRequest, useAction, useRequest } from "../../sdk/view_requests.ts";
import {
  assignProfile,
  type CarProfile,
  createProfile,
  deleteProfile,
  listProfiles,
  sessionProfile,
  specsToJson,
  updateProfile,
} from "../api/equipment_api.ts";
import { reanalysed } from "../upload/transfer.ts";
import { CarForm, type CarFormResult } from "./car_form.ts";

/** Properties of {@linkcode CarPicker}. */
export interface CarPickerProps {
  /** The open session. */
  sessionId: string;
  /** Called once a change of the car has been analysed (reload the session). */
  onAnalysed: () => void;
}

/** The profile body for what the car form handed back. */
function carProfile({ name, specs, isDefault }: CarFormResult): CarProfile {
  return { name, vehicle: vehicleToJson(vehicleFromSpecs(specs)), specs: specsToJson(specs), isDefault };
}

/** A disclosure with the session's car, the driver's other cars and the car form. */
export function CarPicker({ sessionId, onAnalysed }: CarPickerProps): VNode {
  const cars = useRequest(
    hooks,
    async () => ({ profiles: await listProfiles(), current: await sessionProfile(sessionId) }),
    [sessionId],
  );
  const action = useAction(hooks);
  const [form, setForm] = hooks.useState<"new" | "edit" | null>(null);
  const [reanalysing, setReanalysing] = hooks.useState(false);
  const current = cars.state.status === "ready" ? cars.state.value.current : null;

  /** Waits for this session's analysis when `queued`, then reloads the cars (and the session). */
  const settle = async (queued: boolean) => {
    setReanalysing(queued);
    const again = await reanalysed(sessionId, queued ? "queued" : "unchanged").finally(() =>
      setReanalysing(false)
    );
    await cars.reload();
    if (again) onAnalysed();
  };
  const use = (profileId: string | null) =>
    action.run(async () => settle(await assignProfile(sessionId, profileId) === "queued"));
  const add = (result: CarFormResult) =>
    action.run(async () => {
      const profile = await createProfile(carProfile(result));
      setForm(null);
      await settle(await assignProfile(sessionId, profile.id) === "queued");
    });
  const edit = (result: CarFormResult) =>
    action.run(async () => {
      const again = await updateProfile(current!, carProfile(result));
      setForm(null);
      await settle(again.includes(sessionId));
    });
  const remove = () => action.run(async () => settle((await deleteProfile(current!.id)).includes(sessionId)));

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
            ${form === null && html`
              <div class="form-row">
                <button type="button" class="link" onClick=${() => setForm("new")}>New car…</button>
                ${current && html`
                  <button type="button" class="link" onClick=${() => setForm("edit")}>Edit ${current
                    .name}…</button>
                  <${ConfirmButton} html=${html} hooks=${hooks} label="Delete" confirmLabel=${`Delete ${current.name}`}
                    ariaLabel=${`Delete the car ${current.name}`} disabled=${action
                      .pending} onConfirm=${remove} />
                `}
              </div>
            `}
            ${form === "new" && html`
              <${CarForm} label="New car" submitLabel="Add and use" pending=${action.pending}
                onSubmit=${add} onCancel=${() => setForm(null)} />
            `}
            ${form === "edit" && current && html`
              <${CarForm} label=${`Edit ${current.name}`} submitLabel="Save" pending=${action.pending}
                editing=${{ name: current.name, specs: current.specs, isDefault: current.isDefault }}
                onSubmit=${edit} onCancel=${() => setForm(null)} />
            `}
            ${showActionError(html, action)}
          `)}
      </div>
    </details>
  `;
}
