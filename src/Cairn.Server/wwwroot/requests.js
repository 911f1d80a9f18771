// Requests: the agency's list, filtered by status, State, instrument and deadline (the filter is in the
// address, so a filtered list can be linked), and the editor: each content item is saved as it is typed
// (the completeness check shows what is saved), status changes record when they happened (back-dated
// if need be, never in the future), the requested State's reference and who recorded them, and only
// the moves the lifecycle allows are offered ("sent" only once the request is validated as its instrument requires).
import { h, clear, fmtTime, toast, table, caseLink, requestLink, link } from "./ui.js";
import { api, download, can } from "./api.js";
import { L, label, options, stateOptions } from "./labels.js";
import { field, bindForm, formCard } from "./forms.js";
import { leaveGuard } from "./app.js";
import { deadlineText } from "./case-requests.js";

const statuses = ["draft", "ready", "sent", "acknowledged", "executed", "partially_executed", "refused", "withdrawn"];

/** What the requests page reads: the filtered list (the same as the whole list when no filter is set: read once), the due list, the whole list. */
export function requestsPageReads(params) {
  const query = new URLSearchParams();
  for (const k of ["case", "status", "state", "instrument", "due"]) if (params.get(k)) query.set(k, params.get(k));
  const filtered = query.size ? `/requests?limit=500&${query}` : "/requests?limit=500";
  return [filtered, "/requests/due?limit=500", "/requests?limit=500"];
}

export async function renderRequests(main, params) {
  const [filtered, dueRead, allRead] = requestsPageReads(params);
  const [list, due, all] = await Promise.all([api("GET", filtered), api("GET", dueRead), filtered === allRead ? null : api("GET", allRead)])
    .then(([l, d, a]) => [l, d, a ?? l]);
  const states = [...new Set(all.items.map((r) => r.requested_state))].sort();
  const instruments = [...new Set(all.items.map((r) => r.instrument_id))].sort();
  const status = h("select", { name: "status", id: "filter-status" }, h("option", { value: "" }, "any status"), ...options("request_status", statuses, params.get("status")));
  const state = h("select", { name: "state", id: "filter-state" }, h("option", { value: "" }, "any State"),
    ...states.map((s) => h("option", { value: s, selected: s === params.get("state") }, `${label("state", s)} (${s})`)));
  const instrument = h("select", { name: "instrument", id: "filter-instrument" }, h("option", { value: "" }, "any instrument"),
    ...instruments.map((i) => h("option", { value: i, title: i, selected: i === params.get("instrument") }, label("instrument", i))));
  const deadline = h("select", { name: "due", id: "filter-due" }, h("option", { value: "" }, "any deadline state"), ...options("deadline_view", ["overdue", "due_soon", "any"], params.get("due")));
  const filters = h("form", { class: "card filters", id: "request-filters" }, field("Status", status), field("Requested State", state), field("Instrument", instrument), field("Deadline", deadline),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Filter"), link("#/requests", "clear")));
  filters.addEventListener("submit", (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const el of [status, state, instrument, deadline]) if (el.value) next.set(el.name, el.value);
    if (params.get("case")) next.set("case", params.get("case"));
    location.hash = `#/requests${next.toString() ? "?" + next : ""}`;
  });
  const rows = list.items.map((r) => [requestLink(r.id), caseLink(r.case_reference), L("request_type", r.request_type), h("a", { href: `#/requests?state=${r.requested_state}` }, label("state", r.requested_state)),
    L("measure", r.measure), h("a", { href: `#/requests?instrument=${encodeURIComponent(r.instrument_id)}`, title: r.instrument_id }, label("instrument", r.instrument_id)),
    L("request_status", r.status), r.foreign_reference || "", deadlineText(r.next_deadline)]);
  const dueRows = due.items.map((d) => [requestLink(d.request_id), d.label, h("span", { class: d.state }, fmtTime(d.due)), L("deadline_state", d.state), d.citation]);
  clear(main).append(h("h1", {}, "Requests"), filters,
    h("p", { class: "muted", "data-testid": "requests-count" }, `${list.total} of ${all.total} request(s) of your agency${params.get("case") ? ` in case ${params.get("case")}` : ""}.`),
    table(["request", "case", "type", "to", "measure", "instrument", "status", "their reference", "next deadline"], rows, "all-requests", "no request matches"),
    h("h2", {}, "Overdue and due soon"), table(["request", "deadline", "due", "state", "source"], dueRows, "due-table", "nothing overdue or due soon"));
}

/** The local date and time of <d> as a datetime-local value (minutes). */
function localValue(d) {
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export const requestRead = (id) => `/requests/${encodeURIComponent(id)}`;

export async function renderRequest(main, id) {
  const data = await api("GET", requestRead(id));
  const r = data.request;
  const path = `/requests/${encodeURIComponent(id)}`;
  let version = data.version;
  const writer = can("Prosecutor") || can("Investigator");
  const editable = r.status === "draft" && writer;
  const check = h("div", { id: "completeness", "data-testid": "completeness" });
  const pending = new Map(); // item → text typed and not yet saved
  const showCheck = (report) => {
    const waiting = pending.size ? h("p", { class: "warn", "data-testid": "unsaved" }, `${pending.size} item(s) typed but not saved yet.`) : "";
    clear(check).append(report.missing.length === 0
      ? h("p", { class: "ok", "data-testid": "complete" }, "Complete: every required content item is saved.")
      : h("div", {}, h("p", { class: "warn" }, `Missing ${report.missing.length} saved item(s):`),
        h("ul", {}, ...report.missing.map((m) => h("li", { "data-missing": m.id }, `${m.label} (${m.citation})`)))), waiting);
  };
  let lastReport = data.completeness;
  showCheck(lastReport);
  // Saves run one after another, each with the version the one before produced.
  let queue = Promise.resolve();
  let conflicted = false;
  const save = (item, area, state) => {
    if (conflicted) return queue;
    queue = queue.then(async () => {
      if (!pending.has(item)) return;
      const text = area.value;
      state.textContent = "saving…"; state.className = "saved-state";
      try {
        lastReport = await api("PUT", `${path}/contents/${encodeURIComponent(item)}`, { text, version });
        version += 1;
        if (area.value === text) pending.delete(item);
        state.textContent = pending.has(item) ? "not saved yet" : `saved ${new Date().toLocaleTimeString()}`;
        state.className = `saved-state ${pending.has(item) ? "unsaved" : "saved"}`;
        area.closest(".card").querySelector(".field-error").hidden = true;
        showCheck(lastReport);
      } catch (err) {
        if (err.status === 409) conflicted = true;
        state.textContent = err.status === 409 ? "not saved: changed by someone else — copy your text and reload" : "not saved";
        state.className = "saved-state failed";
        const slot = area.closest(".card").querySelector(".field-error");
        slot.textContent = err.message; slot.hidden = false;
        toast(err.message, true);
      }
    });
    return queue;
  };
  const timers = new Map();
  const items = data.required_contents.map((c) => {
    const area = h("textarea", { id: `content-${c.id}`, "data-item": c.id, disabled: !editable });
    area.value = r.contents[c.id] || "";
    const state = h("span", { class: "saved-state", "data-state": c.id }, editable ? "saved" : "");
    area.addEventListener("input", () => {
      pending.set(c.id, area.value);
      state.textContent = "not saved yet"; state.className = "saved-state unsaved";
      showCheck(lastReport);
      clearTimeout(timers.get(c.id));
      timers.set(c.id, setTimeout(() => save(c.id, area, state), 800));
    });
    area.addEventListener("blur", () => { clearTimeout(timers.get(c.id)); save(c.id, area, state); });
    const now = h("button", { class: "small secondary", type: "button", "data-save": c.id, disabled: !editable }, "Save now");
    now.addEventListener("click", () => { clearTimeout(timers.get(c.id)); pending.set(c.id, area.value); save(c.id, area, state); });
    return h("div", { class: "card" }, h("label", { for: `content-${c.id}` }, `${c.label} `, h("span", { class: "muted" }, `(${c.citation})`), state), area,
      h("p", { class: "field-error", hidden: true }), editable ? now : "");
  });
  leaveGuard.check = (silent) => pending.size === 0 || (!silent && confirm(`${pending.size} item(s) of request ${id} are not saved yet. Leave anyway?`));
  const deadlines = data.deadlines.map((d) => [d.label, L("deadline_kind", d.kind), h("span", { class: d.state }, fmtTime(d.due) || "—"), L("deadline_state", d.state), d.citation]);
  const history = r.history.filter((e) => e.action === "status").map((e) => [L("request_status", e.status), fmtTime(e.at), e.recorded_at ? fmtTime(e.recorded_at) : "",
    e.by ? `${e.by}@${e.agency}` : "", e.foreign_reference || "", e.note || ""]).reverse();
  const renders = ["docx", "pdf", "json"].map((f) => {
    const b = h("button", { class: "secondary", type: "button", "data-render": f }, f.toUpperCase());
    b.addEventListener("click", async () => {
      try { const { response } = await download(`${path}/render?format=${f}`, `${id}.${f}`); toast(`${f.toUpperCase()} saved; SHA-256 ${response.headers.get("X-Cairn-Sha256")?.slice(0, 16)}… (in the custody log)`); }
      catch (err) { toast(err.message, true); }
    });
    return b;
  });
  clear(main).append(
    h("h1", {}, `Request ${r.id}`),
    h("p", {}, L("request_type", r.request_type), ` · ${label("state", r.requesting_state)} → `, h("a", { href: `#/requests?state=${r.requested_state}` }, label("state", r.requested_state)),
      " · ", L("measure", r.measure), r.urgent ? " · urgent" : "", " · status ", h("strong", { "data-testid": "request-status" }, L("request_status", data.status)),
      r.foreign_reference ? ` · their reference ${r.foreign_reference}` : ""),
    h("p", { class: "muted", "data-rule": r.rule_id, title: `rule ${r.rule_id}` }, `Legal basis: ${r.legal_basis} · channel `, L("channel", r.channel), " · case ", caseLink(r.case_reference),
      r.source_trace_id ? ` · drafted from trace ${r.source_trace_id}` : ""),
    h("p", { "data-testid": "request-addressee" }, h("strong", {}, "To: "), addresseeWords(r),
      ` · language ${r.language}${r.accepted_languages.length ? ` (accepted: ${r.accepted_languages.join(", ")})` : ""}`,
      r.form_id ? ` · official form ${r.form_id}` : " · structured letter", ` · route ${r.route_rank}${r.route_on ? ` judged on ${r.route_on}` : ""}`),
    r.language_note ? h("p", { class: "warn" }, r.language_note) : "",
    ...(r.unverified || []).map((u) => h("p", { class: "bad" }, `unverified: ${u}`)),
    h("div", { class: "grid2" },
      h("section", {}, h("h2", {}, "Completeness"), check, h("h2", {}, "Deadlines"),
        h("p", { class: "muted" }, "Counted from the dates the steps happened."), table(["deadline", "kind", "due", "state", "source"], deadlines, "deadlines-table")),
      h("section", {}, h("h2", {}, "Status"), validationBlock(main, id, data), writer && data.next_statuses.length ? statusForm(main, id, data) : h("p", { class: "muted" }, data.next_statuses.length ? "" : "Final status: no further step."),
        h("h3", {}, "History"), table(["status", "happened", "recorded", "by", "their reference", "note"], history, "status-history"))),
    h("h2", {}, "Contents"), editable ? h("p", { class: "muted" }, "Each item is saved as you type.") : h("p", { class: "muted" }, "Contents change only in draft."), ...items,
    h("h2", {}, "Findings"), table(["State", "service", "addresses", "amount"], r.findings.map((f) => [L("state", f.jurisdiction), f.actor_name, h("code", {}, f.addresses.join(" ")),
      f.amounts.map((a) => `${a.base_units} base units of ${a.asset}`).join(", ")]), "findings-table"),
    // Drafted with the value in the executing State's currency, its rate's date and source, or "no rate" (docs/valuation.md).
    r.contents.estimated_value ? h("p", { "data-testid": "estimated-value" }, r.contents.estimated_value) : "",
    h("h2", {}, "Documents"), h("div", { class: "actions" }, ...renders));
}

function statusForm(main, id, data) {
  const to = h("select", { name: "to", id: "status-to" }, ...options("request_status", data.next_statuses));
  const at = h("input", { name: "at", id: "status-at", type: "datetime-local", value: localValue(new Date()), max: localValue(new Date()) });
  const foreign = h("input", { name: "foreign_reference", id: "status-foreign", value: data.request.foreign_reference || "", placeholder: "their file number, if they gave one" });
  const note = h("input", { name: "note", id: "status-note" });
  const ground = h("input", { name: "ground", id: "status-ground", placeholder: "the ground the requested State gave" });
  const groundField = field("Refusal ground", ground);
  const sync = () => { groundField.hidden = to.value !== "refused"; };
  to.addEventListener("change", sync);
  const form = formCard("status-form", "Record a step", [h("div", { class: "grid2" }, field("New status", to, { hint: "Only the steps the request's lifecycle allows." }),
    field("When it happened", at, { hint: "Back-date a step taken earlier; never in the future." })), field("Their reference", foreign), groundField, field("Note", note)], "Record");
  sync();
  bindForm(form, {
    submit: () => api("POST", `/requests/${encodeURIComponent(id)}/status`, {
      to: to.value, at: at.value ? new Date(at.value).toISOString() : null, foreign_reference: foreign.value || null, note: note.value || null, ground: ground.value || null,
    }),
    done: (s) => { toast(`request ${label("request_status", s.status).toLowerCase()}`); return renderRequest(main, id); },
  });
  return form;
}

/**
 * The request's validation before sending (docs/legal.md): in words, what its instrument requires and the article, and a
 * Validate button for a user holding a role that may validate a ready request. "Sent" is offered only once validated.
 */
function validationBlock(main, id, data) {
  const v = data.validation;
  if (!v) return "";
  const cls = v.state === "validated" ? "ok" : v.state === "lapsed" ? "bad" : "warn";
  const block = h("div", { class: "card", id: "validation" },
    h("p", { class: cls, "data-testid": "request-validation" }, v.words),
    h("p", { class: "muted" }, `Required before sending: ${v.required} (${v.citation}).`));
  if (data.status === "ready" && v.state !== "validated") {
    block.append(h("p", { class: "muted" }, "“Sent” is offered once the request is validated."));
    if (v.roles.some((role) => can(role))) {
      const button = h("button", { type: "button", id: "validate-request" }, "Validate");
      button.addEventListener("click", async () => {
        button.disabled = true;
        try { await api("POST", `/requests/${encodeURIComponent(id)}/validate`); toast("request validated"); await renderRequest(main, id); }
        catch (err) { toast(err.message, true); button.disabled = false; }
      });
      block.append(h("div", { class: "actions" }, button));
    }
  }
  return block;
}

function addresseeWords(r) {
  const a = r.addressee;
  if (!a) return "not recorded";
  if (a.name) return `${a.name} (${a.role_words})${a.verified ? "" : " — unverified"}`;
  return a.role === "service_provider" ? "the service provider" : `${a.role_words} of ${r.requested_state} (not in the data)`;
}
