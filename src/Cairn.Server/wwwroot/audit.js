// The auditor's screen: the custody log searched by case reference, user, action and time, refusals
// included, each entry in words (who did what to which object, linked to it) with the identifiers
// on hover; and the verification of the whole log with its result. The address keeps the search.
import { h, clear, fmtTime, toast, table, caseLink, requestLink } from "./ui.js";
import { api } from "./api.js";
import { L, label, options } from "./labels.js";
import { field, bindForm, showErrors, invalid } from "./forms.js";

export async function renderAudit(main, params) {
  await loadAgencies();
  const value = (k) => params.get(k) || "";
  const caseRef = h("input", { id: "audit-case", name: "case", value: value("case"), placeholder: "e.g. NCA-2025-0042" });
  const user = h("input", { id: "audit-user", name: "user", value: value("user"), placeholder: "login" });
  const action = h("select", { id: "audit-action", name: "action" }, h("option", { value: "" }, "any action"),
    ...["case", "evidence", "ledger", "request", "trace", "auth", "account", "access"].map((a) => h("option", { value: a, selected: value("action") === a }, `${areas[a]} (all)`)),
    ...options("custody_action", null, value("action")));
  const from = h("input", { id: "audit-from", name: "from", type: "date", value: value("from") });
  const to = h("input", { id: "audit-to", name: "to", type: "date", value: value("to") });
  const form = h("form", { class: "card filters", id: "audit-form", novalidate: true },
    h("div", { class: "row" }, field("Case reference", caseRef), field("User", user), field("Action", action), field("From", from), field("To", to)),
    h("div", {}, h("button", { type: "submit" }, "Search"), h("button", { type: "button", class: "secondary", id: "audit-verify" }, "Verify the whole log")));
  const verdict = h("div", { id: "audit-verdict" });
  const results = h("div", { id: "audit-results" });
  clear(main).append(h("h1", {}, "Custody log"),
    h("p", { class: "muted" }, "Every read and change of case data, every sign-in and every refused call, in order and tamper-evident. You see your agency's own activity and everything about the cases your agency owns or was given."),
    form, verdict, results);
  // The search itself runs when the address changes (the address keeps it); a bad value in the address comes back as
  // the server's validation problem and is shown next to its field below.
  bindForm(form, {
    submit: () => {
      if (from.value && to.value && to.value < from.value) throw invalid("to", `the period ends (${to.value}) before it starts (${from.value})`);
      const q = new URLSearchParams();
      for (const [k, el] of [["case", caseRef], ["user", user], ["action", action], ["from", from], ["to", to]]) if (el.value.trim()) q.set(k, el.value.trim());
      location.hash = `#/audit?${q}`;
    },
  });
  document.getElementById("audit-verify").addEventListener("click", async () => {
    try {
      const v = await api("GET", "/log/verify");
      clear(verdict).append(h("p", { class: `card ${v.valid ? "ok" : "bad"}`, "data-testid": "audit-verdict" }, v.valid
        ? `The log verifies: ${v.entries_checked} entries and ${v.heads_checked} signed tree heads checked.`
        : `The log does NOT verify: ${v.problem}${v.first_bad_sequence ? ` (first bad entry #${v.first_bad_sequence})` : ""}.`));
    } catch (err) { toast(err.message, true); }
  });
  const q = new URLSearchParams();
  for (const k of ["case", "user", "action"]) if (value(k)) q.set(k, value(k));
  if (value("from")) q.set("from", `${value("from")}T00:00:00Z`);
  if (value("to")) q.set("to", `${value("to")}T23:59:59Z`);
  q.set("limit", "200");
  try {
    const page = await api("GET", `/log/search?${q}`);
    const rows = page.items.map(({ entry: e, case_reference: ref }) => [
      h("span", { title: `entry #${e.sequence}` }, fmtTime(e.recorded_at)),
      h("span", { title: `${e.user}@${e.agency}` }, `${e.user} (${agencyName(e.agency)})`),
      h("span", { class: e.action === "access.refused" || e.action.endsWith(".failed") ? "bad" : "" }, L("custody_action", e.action)),
      object(e, ref)]);
    results.append(h("p", { class: "muted", "data-testid": "audit-count" }, `${page.total} entr${page.total === 1 ? "y" : "ies"}${page.total > page.items.length ? `, newest ${page.items.length} shown` : ""}`),
      table(["when", "who", "what", "about"], rows, "audit-table", "no entry matches"));
  } catch (err) {
    if (err.status === 401) throw err;
    showErrors(form, err);
  }
}

const areas = { case: "Cases", evidence: "Evidence", ledger: "Ledger", request: "Requests", trace: "Traces", auth: "Sign-ins", account: "Accounts", access: "Refusals" };
let agencies = {};
async function loadAgencies() {
  try { agencies = Object.fromEntries((await api("GET", "/agencies?limit=500")).items.map((a) => [a.code, a.name])); } catch { agencies = {}; }
}
function agencyName(code) { return agencies[code] || code; }

/** The object in words, linked where the UI has a page for it; the internal id on hover. */
function object(e, ref) {
  const kind = label("object_type", e.object_type);
  switch (e.object_type) {
    case "case": return ref ? h("span", { title: e.object_id }, `${kind} `, caseLink(ref)) : h("span", { title: e.object_id }, kind);
    case "request": return h("span", {}, `${kind} `, requestLink(e.object_id));
    case "http": return h("span", {}, `${kind}: `, h("code", {}, e.object_id));
    default: return h("span", { title: e.object_id }, kind, h("code", { class: "ident" }, ` ${e.object_id}`));
  }
}
