// A case's requests.
import { h, clear, fmtTime, toast, table } from "./ui.js";
import { api, download, session } from "./api.js";
import { renderCase } from "./case.js";

function can(role) { return session.me.roles.includes(role); }

export async function requests(body, c) {
  const list = await api("GET", `/cases/${encodeURIComponent(c.reference)}/requests?limit=500`);
  const rows = list.items.map((r) => [h("a", { href: `#/request/${encodeURIComponent(r.id)}` }, r.id), r.request_type, r.requested_state, r.measure, r.status,
    r.complete ? h("span", { class: "ok" }, "complete") : h("span", { class: "warn" }, "incomplete"),
    r.next_deadline ? h("span", { class: r.next_deadline.state }, `${r.next_deadline.label}: ${fmtTime(r.next_deadline.due)} (${r.next_deadline.state})`) : "",
    r.legal_basis]);
  body.append(h("h2", {}, "Requests"), table(["id", "type", "to", "measure", "status", "contents", "next deadline", "legal basis"], rows, "requests-table"));
  if (can("Prosecutor") || can("Investigator")) {
    const from = h("input", { id: "draft-from", value: "NL", maxlength: "2" });
    const measures = h("input", { id: "draft-measures", value: "freeze" });
    const urgent = h("input", { type: "checkbox", id: "draft-urgent" });
    const form = h("form", { class: "card", id: "draft-form" }, h("h2", {}, "Draft requests from the latest trace"),
      h("label", {}, "Requesting State"), from, h("label", {}, "Measures (comma-separated)"), measures, h("label", {}, urgent, " urgent"),
      h("div", {}, h("button", { type: "submit" }, "Draft")));
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      try {
        const r = await api("POST", `/cases/${encodeURIComponent(c.reference)}/requests/draft`, { from: from.value, measures: measures.value.split(",").map((m) => m.trim()).filter(Boolean), urgent: urgent.checked });
        toast(`${r.drafts.length} request(s) drafted${r.unroutable.length ? `; ${r.unroutable.length} not routable` : ""}`);
        location.hash = `#/case/${encodeURIComponent(c.reference)}/requests`;
        await renderCase(document.getElementById("main"), c.reference, "requests");
      } catch (err) { toast(err.message, true); }
    });
    body.append(form);
  }
}
