// Forms that never lose what was typed: their input is kept in sessionStorage until the form is
// sent successfully (a failed send, a re-render or a round trip to another page keeps it), and
// every error is shown next to the field it is about (validation problems carry the field).
import { h, toast } from "./ui.js";

/** A labelled field with its hint and the slot its error appears in; <name> is the API's field name. */
export function field(text, input, { name, hint } = {}) {
  const key = name || input.getAttribute("name") || input.id;
  if (key && !input.getAttribute("name")) input.setAttribute("name", key);
  const id = input.id || `f-${key}-${Math.random().toString(36).slice(2, 8)}`;
  input.id = id;
  return h("div", { class: "field" },
    h("label", { for: id }, text),
    input,
    hint ? h("p", { class: "hint" }, hint) : "",
    h("p", { class: "field-error", "data-error-for": key, role: "alert", hidden: true }));
}

function storageKey(key) { return `cairn.form.${key}`; }

function persistable(el) { return el.name && el.type !== "password" && el.type !== "file" && !el.dataset.noKeep; }

/** Puts back what was typed into a form built with <key> before (e.g. before a failed send or a navigation). */
function restore(form, key) {
  let saved;
  try { saved = JSON.parse(sessionStorage.getItem(storageKey(key)) || "null"); } catch { saved = null; }
  if (!saved) return;
  for (const el of form.elements) {
    if (!persistable(el) || !(el.name in saved)) continue;
    if (el.type === "checkbox") el.checked = !!saved[el.name]; else el.value = saved[el.name];
    el.dispatchEvent(new Event("restore"));
  }
}

function remember(form, key) {
  const values = {};
  for (const el of form.elements) if (persistable(el)) values[el.name] = el.type === "checkbox" ? el.checked : el.value;
  sessionStorage.setItem(storageKey(key), JSON.stringify(values));
}

export function forget(key) { sessionStorage.removeItem(storageKey(key)); }

export function clearErrors(form) {
  form.querySelectorAll(".field-error").forEach((p) => { p.hidden = true; p.textContent = ""; });
  form.querySelectorAll(".invalid").forEach((el) => el.classList.remove("invalid"));
  const general = form.querySelector(".form-error");
  if (general) { general.hidden = true; general.textContent = ""; }
}

/** Shows an API error on the form: each field's message under its field, anything else under the buttons; and a toast. */
export function showErrors(form, error) {
  let placed = false;
  for (const [name, messages] of Object.entries(error.errors || {})) {
    const slot = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`) || form.querySelector(`[data-error-for="${CSS.escape(name.replace(/\[.*$/, ""))}"]`);
    if (!slot) continue;
    slot.textContent = messages.join(" ");
    slot.hidden = false;
    form.querySelector(`[name="${CSS.escape(name)}"]`)?.classList.add("invalid");
    placed = true;
  }
  if (!placed) {
    let general = form.querySelector(".form-error");
    if (!general) { general = h("p", { class: "form-error", role: "alert" }); form.append(general); }
    general.textContent = error.message;
    general.hidden = false;
  }
  toast(error.message, true);
}

/**
 * Wires a form: restores kept input (when <key> is given), keeps it as it is typed, and on submit
 * runs <submit>; success forgets the kept input and calls <done>, failure shows the errors.
 */
export function bindForm(form, { key, submit, done }) {
  if (key) {
    restore(form, key);
    form.addEventListener("input", () => remember(form, key));
    form.addEventListener("change", () => remember(form, key));
  }
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    const buttons = [...form.querySelectorAll("button[type=submit]")];
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const result = await submit();
      if (key) forget(key);
      if (done) await done(result);
    } catch (err) {
      showErrors(form, err);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  });
  return form;
}

/**
 * A check made here before anything is sent, failed: thrown from a form's submit, it is shown next to
 * <name>'s field exactly as the server's validation problem for that field would be.
 */
export function invalid(name, message) {
  const error = new Error(message);
  error.errors = { [name]: [message] };
  return error;
}

/** A form card with a heading, the given fields and a submit button. */
export function formCard(id, title, fields, submitText, extra = []) {
  return h("form", { class: "card", id, novalidate: true },
    title ? h("h2", {}, title) : "",
    ...fields,
    h("div", { class: "actions" }, h("button", { type: "submit" }, submitText), ...extra));
}
