// A case's details: title and offence, status with its reason and history, wallets, subjects with
// identifiers, notes, the legal hold (case-hold.js). Owners with the investigator role edit them here; everyone else reads.
import { h, clear, fmtTime, toast, table } from "./ui.js";
import { api, can } from "./api.js";
import { L, label, options } from "./labels.js";
import { field, bindForm, formCard } from "./forms.js";
import { offenceFields } from "./app.js";
import { reloadCase } from "./case.js";
import { legalHold } from "./case-hold.js";

const path = (c, rest = "") => `/cases/${encodeURIComponent(c.reference)}${rest}`;

export async function overview(body, c) {
  const editable = c.access === "owner" && can("Investigator");
  body.append(
    h("div", { class: "grid2" },
      h("section", {}, h("h2", {}, "Case"), details(c), editable ? detailsForm(c) : ""),
      h("section", {}, h("h2", {}, "Status"), status(c), editable ? statusForm(c) : "")),
    h("h2", {}, "Wallets"), wallets(c, editable), editable ? walletForm(c) : "",
    h("h2", {}, "Subjects"), subjects(c, editable), h("div", { id: "subject-form-slot" }, editable ? subjectForm(c) : ""),
    h("h2", {}, "Notes"), notes(c), editable ? noteForm(c) : "",
    await legalHold(c, editable));
}

function details(c) {
  return h("dl", { class: "kv card" },
    h("dt", {}, "Reference"), h("dd", {}, c.reference),
    h("dt", {}, "Title"), h("dd", { "data-testid": "case-title" }, c.title),
    h("dt", {}, "Offence"), h("dd", {}, c.offence_type === "other" ? `Other: ${c.offence_detail}` : L("offence_type", c.offence_type)),
    h("dt", {}, "Owning agency"), h("dd", {}, c.owning_agency),
    h("dt", {}, "Opened"), h("dd", {}, fmtTime(c.opened_at)));
}

function detailsForm(c) {
  const title = h("input", { name: "title", id: "edit-title", value: c.title });
  const offence = offenceFields(c.offence_type, c.offence_detail);
  const form = formCard("case-details-form", "", [field("Title", title), ...offence.fields], "Save details");
  bindForm(form, {
    key: `case-details-${c.reference}`,
    submit: () => api("PUT", path(c), { title: title.value, offence_type: offence.offence.value, offence_detail: offence.description.value, version: c.version }),
    done: () => { toast("details saved"); return reloadCase(c, "overview"); },
  });
  offence.sync();
  return form;
}

function status(c) {
  const rows = c.status_changes.map((s) => [fmtTime(s.changed_at), L("case_status", s.status), s.reason, `${s.changed_by}@${s.agency}`]).reverse();
  return h("div", {},
    h("p", {}, h("span", { class: `pill ${c.status}`, "data-testid": "case-status" }, L("case_status", c.status)), c.status_reason ? ` ${c.status_reason}` : ""),
    table(["when", "status", "reason", "by"], rows, "status-history", "open since it was opened"));
}

function statusForm(c) {
  const next = ["open", "suspended", "closed"].filter((s) => s !== c.status);
  const to = h("select", { name: "status", id: "case-status-to" }, ...options("case_status", next));
  const reason = h("input", { name: "reason", id: "case-status-reason", placeholder: "e.g. awaiting the reply from DE" });
  const form = formCard("case-status-form", "", [field("Change the status to", to), field("Reason", reason, { hint: "Required: it joins the status history." })], "Change status");
  bindForm(form, {
    key: `case-status-${c.reference}`,
    submit: () => api("POST", path(c, "/status"), { status: to.value, reason: reason.value, version: c.version }),
    done: (changed) => { toast(`case ${label("case_status", changed.status).toLowerCase()}`); return reloadCase(c, "overview"); },
  });
  return form;
}

function wallets(c, editable) {
  const rows = c.wallets.map((w) => {
    const remove = editable ? h("button", { class: "small danger", type: "button", "data-remove-wallet": w.address }, "Remove") : "";
    if (remove) remove.addEventListener("click", async () => {
      if (!confirm(`Remove wallet ${w.address}?`)) return;
      try { await api("DELETE", path(c, `/wallets/${encodeURIComponent(w.chain)}/${encodeURIComponent(w.address)}?version=${c.version}`)); toast("wallet removed"); await reloadCase(c, "overview"); }
      catch (err) { toast(err.message, true); }
    });
    return [L("chain", w.chain), h("code", {}, w.address), L("wallet_role", w.role), w.label, remove];
  });
  return table(["chain", "address", "role", "label", ""], rows, "wallets-table", "no wallet recorded");
}

function walletForm(c) {
  const chain = h("select", { name: "chain", id: "wallet-chain" }, ...options("chain", ["btc", "eth"]));
  const address = h("input", { name: "address", id: "wallet-address", placeholder: "bc1… or 0x…" });
  const role = h("select", { name: "role", id: "wallet-role" }, ...options("wallet_role", ["perpetrator", "victim", "service", "unknown"]));
  const walletLabel = h("input", { name: "label", id: "wallet-label", placeholder: "e.g. ransom address" });
  const form = formCard("wallet-form", "Add a wallet", [h("div", { class: "grid2" }, field("Chain", chain), field("Role", role)), field("Address", address), field("Label", walletLabel)], "Add wallet");
  bindForm(form, {
    key: `wallet-${c.reference}`,
    submit: () => api("POST", path(c, "/wallets"), { chain: chain.value, address: address.value.trim(), role: role.value, label: walletLabel.value, version: c.version }),
    done: () => { toast("wallet added"); return reloadCase(c, "overview"); },
  });
  return form;
}

function subjects(c, editable) {
  const rows = c.subjects.map((s) => {
    const actions = [];
    if (editable) {
      const edit = h("button", { class: "small secondary", type: "button", "data-edit-subject": s.id }, "Edit");
      edit.addEventListener("click", () => {
        const slot = document.getElementById("subject-form-slot");
        clear(slot).append(subjectForm(c, s));
        slot.scrollIntoView({ block: "nearest" });
      });
      const remove = h("button", { class: "small danger", type: "button" }, "Remove");
      remove.addEventListener("click", async () => {
        if (!confirm(`Remove ${s.name}?`)) return;
        try { await api("DELETE", path(c, `/subjects/${encodeURIComponent(s.id)}?version=${c.version}`)); toast("subject removed"); await reloadCase(c, "overview"); }
        catch (err) { toast(err.message, true); }
      });
      actions.push(edit, remove);
    }
    const ids = h("ul", { class: "plain" }, ...s.identifiers.map((i) => h("li", {}, L("identifier_kind", i.kind), ": ", h("code", {}, i.value))));
    return [L("subject_role", s.role), L("subject_kind", s.kind), s.name, s.details, ids, h("span", {}, ...actions)];
  });
  return table(["role", "kind", "name", "details", "identifiers", ""], rows, "subjects-table", "no person or organisation recorded");
}

function subjectForm(c, existing) {
  const kind = h("select", { name: "kind", id: "subject-kind" }, ...options("subject_kind", ["person", "organisation"], existing?.kind));
  const role = h("select", { name: "role", id: "subject-role" }, ...options("subject_role", ["suspect", "victim", "witness", "other"], existing?.role));
  const name = h("input", { name: "name", id: "subject-name", value: existing?.name || "" });
  const detailsInput = h("textarea", { name: "details", id: "subject-details" });
  detailsInput.value = existing?.details || "";
  const rows = h("div", { id: "identifier-rows" });
  const addRow = (kindValue = "passport", value = "") => {
    const n = rows.children.length;
    const k = h("select", { name: `identifiers[${n}].kind`, class: "identifier-kind" }, ...options("identifier_kind", undefined, kindValue));
    const v = h("input", { name: `identifiers[${n}].value`, class: "identifier-value", value });
    rows.append(h("div", { class: "grid2" }, field("Identifier", k), field("Value", v)));
  };
  (existing?.identifiers?.length ? existing.identifiers : [{ kind: "passport", value: "" }]).forEach((i) => addRow(i.kind, i.value));
  const more = h("button", { type: "button", class: "secondary", id: "add-identifier" }, "Another identifier");
  more.addEventListener("click", () => addRow("other"));
  const extra = [more];
  if (existing) {
    const cancel = h("button", { type: "button", class: "secondary" }, "Cancel");
    cancel.addEventListener("click", () => clear(document.getElementById("subject-form-slot")).append(subjectForm(c)));
    extra.push(cancel);
  }
  const form = formCard("subject-form", existing ? `Edit ${existing.name}` : "Add a person or organisation",
    [h("div", { class: "grid2" }, field("Kind", kind), field("Role in the case", role)), field("Name", name), field("Details", detailsInput), rows],
    existing ? "Save subject" : "Add subject", extra);
  const identifiers = () => [...rows.querySelectorAll(".identifier-kind")].map((k, i) => ({ kind: k.value, value: rows.querySelectorAll(".identifier-value")[i].value }));
  bindForm(form, {
    key: existing ? null : `subject-${c.reference}`,
    submit: () => {
      const body = { kind: kind.value, role: role.value, name: name.value, details: detailsInput.value, identifiers: identifiers(), version: c.version };
      return existing ? api("PUT", path(c, `/subjects/${encodeURIComponent(existing.id)}`), body) : api("POST", path(c, "/subjects"), body);
    },
    done: () => { toast(existing ? "subject saved" : "subject added"); return reloadCase(c, "overview"); },
  });
  return form;
}

function notes(c) {
  return table(["when", "by", "note"], [...c.notes].reverse().map((n) => [fmtTime(n.written_at), `${n.author}@${n.agency}`, n.text]), "notes-table", "no note yet");
}

function noteForm(c) {
  const text = h("textarea", { name: "text", id: "note-text" });
  const form = formCard("note-form", "Add a note", [field("Note", text, { hint: "Notes are kept as written: they cannot be edited afterwards." })], "Add note");
  bindForm(form, {
    key: `note-${c.reference}`,
    submit: () => api("POST", path(c, "/notes"), { text: text.value, version: c.version }),
    done: () => { toast("note added"); return reloadCase(c, "overview"); },
  });
  return form;
}
