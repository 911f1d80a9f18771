// A case's legal hold, on the case overview: whether the case is kept out of retention purges, why and
// since when; the owning agency's investigators put it on hold (with a reason) and release it.
import { h, fmtTime, toast } from "./ui.js";
import { api } from "./api.js";
import { field, bindForm, formCard } from "./forms.js";
import { reloadCase } from "./case.js";

/** What the legal hold section reads (case.js starts it beside the case itself). */
export function holdReads(reference) { return [`/cases/${encodeURIComponent(reference)}/hold`]; }

export async function legalHold(c, editable) {
  const path = holdReads(c.reference)[0];
  const state = await api("GET", path);
  const section = h("section", { "data-testid": "legal-hold" }, h("h2", {}, "Legal hold"));
  if (state.on_hold) {
    const hold = state.hold;
    section.append(h("p", { "data-testid": "hold-state" }, h("span", { class: "pill suspended" }, "On legal hold"),
      ` since ${fmtTime(hold.held_at)} (${hold.held_by}, ${hold.agency}): ${hold.reason}. Nothing of this case is deleted by a retention purge while the hold stands.`));
    if (editable) {
      const release = h("button", { id: "release-hold", type: "button", class: "secondary" }, "Release the hold");
      release.addEventListener("click", async () => {
        try { await api("DELETE", path); toast("hold released"); await reloadCase(c, "overview"); } catch (err) { toast(err.message, true); }
      });
      section.append(release);
    }
  } else {
    section.append(h("p", { "data-testid": "hold-state" }, "Not on legal hold: the installation's retention policies apply once the case is closed."));
    if (editable) {
      const reason = h("input", { name: "reason", id: "hold-reason", placeholder: "e.g. appeal pending, court order of 3 March" });
      const form = formCard("case-hold-form", "", [field("Reason", reason, { hint: "Required: it is kept with the hold and in the custody log (as a hash)." })], "Put on legal hold");
      bindForm(form, {
        key: `case-hold-${c.reference}`,
        submit: () => api("PUT", path, { reason: reason.value }),
        done: () => { toast("case put on legal hold"); return reloadCase(c, "overview"); },
      });
      section.append(form);
    }
  }
  return section;
}
