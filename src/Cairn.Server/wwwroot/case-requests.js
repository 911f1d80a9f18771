// A case's requests: the agency's own (with completeness and next deadline), every agency's requests for
// the case (deconfliction: who asked which State for what), and drafting from a saved trace the drafter
// names (the newest of the agency's own by default), warned before a request that would duplicate one.
import { h, fmtTime, toast, table, requestLink } from "./ui.js";
import { api, can, session } from "./api.js";
import { L, label, stateOptions } from "./labels.js";
import { field, bindForm, formCard } from "./forms.js";
import { reloadCase } from "./case.js";

const draftMeasures = ["freeze", "seizure", "subscriber_info", "traffic_data", "stored_content", "preservation", "confiscation", "asset_return", "fiu_exchange"];

export function deadlineText(d) {
  return d ? h("span", { class: d.state }, `${d.label}: ${fmtTime(d.due)} (`, L("deadline_state", d.state), ")") : "";
}

/** The trace a request rests on, by its title and linked to the traces tab; the id on hover (issue 15: words, not identifiers). */
function traceName(id, traces, c) {
  if (!id) return "";
  const t = traces.find((x) => x.id === id);
  return h("a", { href: `#/case/${encodeURIComponent(c.reference)}/traces`, title: id }, t ? t.title : `trace ${id.slice(0, 8)}…`);
}

/** What the requests tab reads (case.js starts it beside the case itself). */
export function requestsReads(reference) {
  const ref = encodeURIComponent(reference);
  return [`/requests?case=${ref}&limit=500`, `/cases/${ref}/requests/deconfliction`, `/cases/${ref}/traces?limit=500`, "/agencies?limit=500"];
}

export async function requests(body, c) {
  const [own, all, traces, agencies] = await Promise.all(requestsReads(c.reference).map((p) => api("GET", p)));
  const rows = own.items.map((r) => [requestLink(r.id), L("request_type", r.request_type), L("state", r.requested_state), L("measure", r.measure), L("request_status", r.status),
    r.complete ? h("span", { class: "ok" }, "complete") : h("span", { class: "warn" }, "incomplete"), deadlineText(r.next_deadline), traceName(r.source_trace_id, traces.items, c)]);
  const others = all.filter((r) => !r.own);
  body.append(h("h2", {}, "Your agency's requests"),
    table(["request", "type", "to", "measure", "status", "contents", "next deadline", "from trace"], rows, "requests-table", "no request drafted yet"),
    h("h2", {}, "Requests of all agencies working this case"),
    h("p", { class: "muted" }, "Before asking a State, see whether another agency already has: two requests for the same thing slow both down."),
    table(["request", "agency", "to", "measure", "status", "drafted", "sent"],
      all.map((r) => [r.own ? requestLink(r.id) : h("code", {}, r.id), r.own ? `${r.agency} (yours)` : h("strong", {}, r.agency), L("state", r.requested_state), L("measure", r.measure),
        L("request_status", r.status), fmtTime(r.drafted_at), fmtTime(r.sent_at)]), "deconfliction-table", "no request for this case yet"));
  if (others.length) body.append(h("p", { class: "notice", "data-testid": "deconfliction-notice" },
    `${others.length} request(s) of other agencies: ${[...new Set(others.map((o) => `${label("state", o.requested_state)} by ${o.agency}`))].join("; ")}.`));
  if (c.access === "read" || !(can("Prosecutor") || can("Investigator"))) return;
  body.append(draftForm(c, traces.items, agencies.items));
}

function draftForm(c, traces, agencies) {
  const mine = session.me.agency;
  const ownState = agencies.find((a) => a.code === mine)?.state || "";
  const trace = h("select", { name: "trace_id", id: "draft-trace" },
    ...traces.map((t, i) => h("option", { value: t.id, selected: i === traces.findIndex((x) => x.agency === mine) },
      `${t.title} — ${t.created_by}@${t.agency}, ${fmtTime(t.created_at)}${t.agency === mine ? "" : " (another agency's trace)"}`)));
  const from = h("select", { name: "from", id: "draft-from" }, ...stateOptions(ownState || "NL"));
  const measures = h("fieldset", { class: "measures" }, h("legend", {}, "Measures"),
    ...draftMeasures.map((m) => h("label", { class: "check" }, h("input", { type: "checkbox", name: `measure-${m}`, value: m, "data-measure": m, checked: m === "freeze" }), " ", label("measure", m))),
    h("p", { class: "field-error", "data-error-for": "measures", hidden: true }));
  const urgent = h("input", { type: "checkbox", name: "urgent", id: "draft-urgent" });
  const authority = h("input", { name: "authority", id: "draft-authority", placeholder: "e.g. Public Prosecution Service, Rotterdam" });
  const offence = h("textarea", { name: "offence", id: "draft-offence", placeholder: "The offence and a summary of the facts" });
  const acknowledge = h("input", { type: "checkbox", name: "acknowledge_overlap", id: "draft-acknowledge" });
  const acknowledgeBox = h("div", { class: "field", id: "acknowledge-box" },
    h("label", { class: "check" }, acknowledge, " I have checked with the other agency: draft anyway"),
    h("p", { class: "field-error", "data-error-for": "acknowledge_overlap", hidden: true }));
  const form = formCard("draft-form", "Draft requests from a saved trace", [
    traces.length ? field("Trace the requests rest on", trace, { hint: "Named on each request. Another agency's trace becomes the basis only if you choose it here." })
      : h("p", { class: "warn" }, "Save a trace first (Traces tab): requests are drafted from what a trace found."),
    h("div", { class: "grid2" }, field("Requesting State", from), h("div", { class: "field" }, h("label", {}, h("input", { type: "hidden" })), h("label", { class: "check" }, urgent, " urgent"))),
    measures, field("Requesting authority", authority), field("Offence and summary of facts", offence), acknowledgeBox], "Draft");
  bindForm(form, {
    key: `draft-${c.reference}`,
    submit: () => api("POST", `/cases/${encodeURIComponent(c.reference)}/requests/draft`, {
      trace_id: trace.value || null, from: from.value, urgent: urgent.checked, authority: authority.value || null, offence: offence.value || null,
      measures: [...form.querySelectorAll("input[data-measure]:checked")].map((x) => x.value), acknowledge_overlap: acknowledge.checked,
    }),
    done: (r) => {
      toast(`${r.drafts.length} request(s) drafted${r.unroutable.length ? `; not routable: ${r.unroutable.join("; ")}` : ""}`, r.drafts.length === 0);
      return reloadCase(c, "requests");
    },
  });
  return form;
}
