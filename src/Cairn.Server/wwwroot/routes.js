// Route explorer: the legal routes between two States for a measure on a date, each with its addressee,
// languages and unverified facts, the "not a party" notes, and drafting a case's request on a chosen route.
import { h, clear, toast } from "./ui.js";
import { api, session } from "./api.js";
import { MEASURES, CHANNELS, DUAL_CRIMINALITY, language } from "./words.js";
import { field, bindForm, formCard, invalid } from "./forms.js";

const today = () => new Date().toISOString().slice(0, 10);
const notBound = /is not a party|not bound|withdrew|is suspended|signed .* but has not consented|was terminated|enters into force (?:for \S+ )?only|applies only from|not in force/;

export async function renderRoutes(main) {
  const from = h("input", { id: "route-from", name: "from", value: "NL", maxlength: "2", autocomplete: "off" });
  const to = h("input", { id: "route-to", name: "to", value: "DE", maxlength: "2", autocomplete: "off" });
  const measure = h("select", { id: "route-measure", name: "measure" }, ...Object.entries(MEASURES).map(([id, label]) => h("option", { value: id }, label)));
  const urgent = h("input", { type: "checkbox", id: "route-urgent", name: "urgent" });
  const offence = h("input", { id: "route-offence", name: "offence", placeholder: "e.g. ransomware, fraud, corruption (optional)" });
  const on = h("input", { id: "route-on", name: "on", type: "date", value: today(), min: "1950-01-01" });
  const out = h("div", { id: "route-results" });
  const stateHint = "Two-letter ISO code, e.g. NL.";
  const form = formCard("route-form", "", [h("h1", {}, "Route explorer"),
    h("div", { class: "grid2" }, field("Requesting State", from, { hint: stateHint }), field("Requested State", to, { hint: stateHint })),
    h("div", { class: "grid2" }, field("Measure", measure), field("Judged on", on)),
    field("Offence type", offence), h("label", { class: "check" }, urgent, " urgent")], "Find routes");
  let query;
  bindForm(form, {
    submit: () => {
      query = { from: from.value.trim().toUpperCase(), to: to.value.trim().toUpperCase(), measure: measure.value, urgent: urgent.checked, on: on.value || today() };
      for (const [name, code] of [["from", query.from], ["to", query.to]])
        if (!/^[A-Z]{2}$/.test(code)) throw invalid(name, code ? `'${code}' is not a two-letter State code (e.g. NL, DE)` : "give the State's two-letter code (e.g. NL, DE)");
      const params = new URLSearchParams({ from: query.from, to: query.to, measure: query.measure, urgent: String(query.urgent), on: query.on });
      if (offence.value.trim()) params.set("offence", offence.value.trim());
      return api("GET", `/routes?${params}`);
    },
    done: (r) => {
      clear(out).append(h("p", { class: "muted", "data-testid": "route-date" }, `${r.requesting_state} → ${r.requested_state}, ${MEASURES[r.measure] || r.measure}, judged on ${r.as_of}`));
      if (r.fallback) out.append(h("p", { class: "warn", "data-testid": "route-fallback" }, r.fallback));
      for (const o of r.options) out.append(option(o, r, query));
      const [standing, other] = [r.notes.filter((n) => notBound.test(n)), r.notes.filter((n) => !notBound.test(n))];
      if (standing.length) out.append(h("div", { class: "card", "data-testid": "route-standing" }, h("h2", {}, "Not a party or not bound on this date"), h("ul", {}, ...standing.map((n) => h("li", { class: "warn" }, n)))));
      if (other.length) out.append(h("div", { class: "card" }, h("h2", {}, "Notes"), h("ul", {}, ...other.map((n) => h("li", { class: "muted" }, n)))));
    },
  });
  clear(main).append(form, out);
}

function option(o, result, query) {
  const pills = [
    o.verified ? null : h("span", { class: "pill unverified" }, "unverified"),
    o.party_status === "listed" ? null : h("span", { class: "pill unverified" }, "party status unverified (list partial)"),
    o.informal ? h("span", { class: "pill" }, "informal: not a legal basis") : null,
  ];
  const a = o.addressee;
  const addressee = !a ? "not recorded"
    : a.name ? `${a.name} (${a.role_words})` : a.role === "service_provider" ? "the service provider (its designated establishment or legal representative)" : `${a.role_words} of ${result.requested_state} (not in the data)`;
  const languages = o.languages.languages.length ? `${o.languages.languages.map(language).join(", ")} (${o.languages.basis})` : "not recorded";
  const dual = `${DUAL_CRIMINALITY[o.dual_criminality.rule] || o.dual_criminality.rule} (${o.dual_criminality.citation})`;
  return h("div", { class: "card route", "data-testid": "route-option", "data-rule": o.rule_id },
    h("h2", {}, `${o.rank}. ${o.instrument} `, ...pills),
    h("p", {}, `${o.rule} (${o.citation}), ${CHANNELS[o.channel] || o.channel}`),
    o.treaty ? h("p", { "data-testid": "route-treaty" }, h("strong", {}, "Treaty: "), o.treaty) : null,
    o.rank_note && !o.informal ? h("p", { class: "warn" }, `Ranked lower: ${o.rank_note}`) : null,
    h("p", { "data-testid": "route-addressee" }, h("strong", {}, "Send to: "), addressee, a && a.name && !a.verified ? h("span", { class: "pill unverified" }, "unverified") : null),
    h("p", { "data-testid": "route-languages" }, h("strong", {}, "Languages: "), languages, o.languages.languages.length && !o.languages.verified ? h("span", { class: "pill unverified" }, "unverified") : null),
    h("p", {}, h("strong", {}, "Dual criminality: "), dual),
    ...o.effects.map((e) => h("p", { class: "warn" }, e)),
    h("details", {}, h("summary", {}, "Contents, time limits, refusal grounds, declarations"),
      h("ul", {}, ...o.required_contents.map((c) => h("li", {}, `content: ${c.label} (${c.citation})`)),
        ...o.deadlines.map((d) => h("li", {}, `time limit: ${d.label} (${d.citation})`)),
        ...o.refusal_grounds.map((g) => h("li", {}, `refusal ground: ${g.label} (${g.citation})`)),
        ...o.reservations.map((r) => h("li", {}, `declaration: ${r}`)))),
    o.unverified.length ? h("ul", {}, ...o.unverified.map((u) => h("li", { class: "bad" }, `unverified: ${u}`))) : null,
    draftControl(o, query));
}

/**
 * Drafts the request of a case on this route, from the case's latest trace (only its findings in the requested State).
 * When the case already has a request to that State (deconfliction, issue 15), the server names it and the user
 * confirms before a second one is drafted.
 */
function draftControl(o, query) {
  const roles = session.me?.roles || [];
  if (!roles.includes("Prosecutor") && !roles.includes("Investigator")) return null;
  const caseRef = h("input", { placeholder: "case reference", "data-testid": "route-case", "aria-label": "Case reference" });
  const button = h("button", { type: "button", class: "secondary", "data-draft": o.rule_id }, "Draft on this route");
  const overlap = h("div", { class: "warn", "data-testid": "route-overlap", hidden: true });
  // The case reference is this control's one field: what is wrong with it (or with drafting from it) is shown under it.
  const error = h("p", { class: "field-error", "data-error-for": "reference", role: "alert", hidden: true });
  const fail = (message) => { error.textContent = message; error.hidden = false; caseRef.classList.add("invalid"); };
  const draft = async (acknowledgeOverlap) => {
    error.hidden = true; caseRef.classList.remove("invalid");
    if (!caseRef.value.trim()) { fail("give the case whose latest trace to draft from"); caseRef.focus(); return; }
    try {
      const r = await api("POST", `/cases/${encodeURIComponent(caseRef.value.trim())}/requests/draft`,
        { from: query.from, to: query.to, measures: [query.measure], urgent: query.urgent, rule_id: o.rule_id, on: query.on, acknowledge_overlap: acknowledgeOverlap });
      if (r.drafts.length) location.hash = `#/request/${encodeURIComponent(r.drafts[0].id)}`;
      else toast(r.unroutable.join("; ") || "nothing drafted", true);
    } catch (err) {
      const message = err.errors?.acknowledge_overlap;
      if (!message) { fail(err.message); toast(err.message, true); return; }
      const anyway = h("button", { type: "button", "data-draft-anyway": o.rule_id }, "Draft anyway");
      anyway.addEventListener("click", () => draft(true));
      overlap.replaceChildren(h("p", {}, Array.isArray(message) ? message.join(" ") : String(message)), anyway);
      overlap.hidden = false;
    }
  };
  button.addEventListener("click", () => draft(false));
  return h("div", {}, h("div", { class: "draft-on-route" }, caseRef, button), error, overlap);
}
