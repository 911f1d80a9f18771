// Sharing a case: which agencies see it and at which level (read, or contribute traces, evidence and
// drafts), sharing with a registered agency, changing the level and revoking. Only the owning agency
// shares; the receiving agency is notified; every change is in the custody log. Anyone who reads the
// case exports it here as JSON, pseudonymised by default (names and identifiers of persons replaced).
import { h, fmtTime, toast, table } from "./ui.js";
import { api, can, download } from "./api.js";
import { L, label, options } from "./labels.js";
import { field, bindForm, formCard } from "./forms.js";
import { reloadCase } from "./case.js";

export async function sharing(body, c) {
  const owner = c.access === "owner" && (can("Investigator") || can("Prosecutor"));
  const agencies = await api("GET", "/agencies?limit=500");
  const names = Object.fromEntries(agencies.items.map((a) => [a.code, a]));
  const describe = (code) => names[code] ? `${names[code].name} (${code}, ${label("state", names[code].state)})` : code;
  const rows = c.grants.map((g) => {
    const actions = [];
    if (owner) {
      const other = g.level === "read" ? "contribute" : "read";
      const change = h("button", { class: "small secondary", type: "button", "data-change-level": g.agency }, `Make ${label("grant_level", other).toLowerCase()}`);
      change.addEventListener("click", async () => {
        try { await api("POST", `/cases/${encodeURIComponent(c.reference)}/share`, { agency: g.agency, level: other, pseudonymise: !!g.pseudonymised }); toast(`${g.agency}: ${label("grant_level", other)}`); await reloadCase(c, "sharing"); }
        catch (err) { toast(err.message, true); }
      });
      const revoke = h("button", { class: "small danger", type: "button", "data-revoke": g.agency }, "Revoke");
      revoke.addEventListener("click", async () => {
        if (!confirm(`Revoke ${g.agency}'s access to ${c.reference}?`)) return;
        try { await api("DELETE", `/cases/${encodeURIComponent(c.reference)}/share/${encodeURIComponent(g.agency)}`); toast(`${g.agency} no longer has access`); await reloadCase(c, "sharing"); }
        catch (err) { toast(err.message, true); }
      });
      const names = h("button", { class: "small secondary", type: "button", "data-change-pseudonymise": g.agency }, g.pseudonymised ? "Show them the names" : "Pseudonymise for them");
      names.addEventListener("click", async () => {
        if (g.pseudonymised && !confirm(`Let ${g.agency} see the names and identifiers of the persons in ${c.reference}?`)) return;
        try { await api("POST", `/cases/${encodeURIComponent(c.reference)}/share`, { agency: g.agency, level: g.level, pseudonymise: !g.pseudonymised }); toast(g.pseudonymised ? `${g.agency} now sees the names` : `${g.agency} now sees pseudonyms`); await reloadCase(c, "sharing"); }
        catch (err) { toast(err.message, true); }
      });
      actions.push(change, names, revoke);
    }
    const personal = g.pseudonymised ? h("span", { class: "pill pseudonymised", "data-testid": "grant-pseudonymised" }, "pseudonyms only") : h("span", { class: "muted" }, "names shown");
    return [describe(g.agency), h("span", { class: `pill ${g.level}` }, L("grant_level", g.level)), personal, `${g.granted_by}@${g.granting_agency}`, fmtTime(g.granted_at), h("span", {}, ...actions)];
  });
  body.append(
    h("h2", {}, "Agencies with access"),
    h("p", { class: "muted" }, `Owned by ${describe(c.owning_agency)}. Read: sees the case, its traces, evidence and ledger. Contribute: also adds traces, evidence and request drafts. Only the owner edits, records ledger events and shares. Pseudonymised: the agency sees the persons of the case (subjects and victims) only as pseudonyms, on every page and in every export; it follows the flows without learning the names.`),
    table(["agency", "level", "personal data", "shared by", "since", ""], rows, "grants-table", "not shared with any other agency"),
    exportCard(c));
  if (!owner) return;
  const candidates = agencies.items.filter((a) => a.code !== c.owning_agency);
  const agency = h("select", { name: "agency", id: "share-agency" }, h("option", { value: "" }, "— choose an agency —"),
    ...candidates.map((a) => h("option", { value: a.code, title: a.code }, `${a.name} (${a.code}${a.state ? ", " + label("state", a.state) : ""}${a.kind ? ", " + label("agency_kind", a.kind) : ""})`)));
  const level = h("select", { name: "level", id: "share-level" }, ...options("grant_level", ["read", "contribute"]));
  const pseudonymise = h("input", { type: "checkbox", name: "pseudonymise", id: "share-pseudonymise" });
  const form = formCard("share-form", "Share with an agency", [field("Agency", agency, { hint: "Agencies in the registry; an administrator registers new ones." }), field("Level", level),
    h("label", { class: "check" }, pseudonymise, " Pseudonymise the persons for this agency (it needs the flows, not the names): names, identifiers and details of subjects and victims are replaced by pseudonyms wherever it sees the case")], "Share");
  bindForm(form, {
    key: `share-${c.reference}`,
    submit: () => api("POST", `/cases/${encodeURIComponent(c.reference)}/share`, { agency: agency.value, level: level.value, pseudonymise: pseudonymise.checked }),
    done: () => { toast(`shared with ${agency.value}${pseudonymise.checked ? ", pseudonymised" : ""}`); return reloadCase(c, "sharing"); },
  });
  body.append(form);
}

function exportCard(c) {
  const pseudonymise = h("input", { type: "checkbox", id: "export-pseudonymise", checked: true });
  const button = h("button", { type: "button", id: "export-case" }, "Export the case (JSON)");
  const result = h("p", { class: "muted", "data-testid": "export-result" });
  button.addEventListener("click", async () => {
    try {
      const { name, blob } = await download(`/cases/${encodeURIComponent(c.reference)}/export?pseudonymise=${pseudonymise.checked}`, `${c.reference}.json`);
      result.textContent = `${name} downloaded (${blob.size} bytes)${pseudonymise.checked ? ": subjects' names, details and identifiers are pseudonyms made for this file only" : ": it contains the subjects' personal data"}.`;
    } catch (err) { toast(err.message, true); }
  });
  return h("div", { class: "card", "data-testid": "case-export" }, h("h2", {}, "Export for a recipient"),
    h("p", {}, "The case, its wallets, notes and ledger as one JSON file. Addresses, amounts and flows are always kept."),
    h("label", { class: "check" }, pseudonymise, " Pseudonymise the subjects (for a recipient who needs the flows, not the names)"),
    h("p", {}, button), result);
}
