// Requests: the agency's list with deadlines (overdue in red) and the editor, which re-checks the
// required contents live as you type (nothing is saved until you save an item).
import { h, clear, fmtTime, toast, table } from "./ui.js";
import { api, download, session } from "./api.js";

export async function renderRequests(main) {
  const [list, due] = await Promise.all([api("GET", "/requests?limit=500"), api("GET", "/requests/due?limit=500")]);
  const rows = list.items.map((r) => [h("a", { href: `#/request/${encodeURIComponent(r.id)}` }, r.id), r.case_reference || "", r.request_type, r.requested_state, r.measure, r.status,
    r.next_deadline ? h("span", { class: r.next_deadline.state }, `${fmtTime(r.next_deadline.due)} (${r.next_deadline.state})`) : ""]);
  const dueRows = due.items.map((d) => [d.request_id, d.label, h("span", { class: d.state }, fmtTime(d.due)), h("span", { class: d.state }, d.state), d.citation]);
  clear(main).append(h("h1", {}, "Requests"), table(["id", "case", "type", "to", "measure", "status", "next deadline"], rows, "all-requests"),
    h("h2", {}, "Overdue and due soon"), table(["request", "deadline", "due", "state", "source"], dueRows, "due-table"));
}

export async function renderRequest(main, id) {
  const data = await api("GET", `/requests/${encodeURIComponent(id)}`);
  const r = data.request;
  let version = data.version;
  const editable = r.status === "draft" && (session.me.roles.includes("Prosecutor") || session.me.roles.includes("Investigator"));
  const check = h("div", { id: "completeness", "data-testid": "completeness" });
  const fields = {};
  const showCheck = (report) => {
    clear(check).append(report.missing.length === 0
      ? h("p", { class: "ok", "data-testid": "complete" }, "complete: every required content item is present")
      : h("div", {}, h("p", { class: "warn" }, `missing ${report.missing.length} item(s):`),
        h("ul", {}, ...report.missing.map((m) => h("li", { "data-missing": m.id }, `${m.label} (${m.citation})`)))));
  };
  showCheck(data.completeness);
  let timer;
  const liveCheck = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const contents = Object.fromEntries(Object.entries(fields).map(([k, el]) => [k, el.value]));
      try { showCheck(await api("POST", `/requests/${encodeURIComponent(id)}/check`, { contents })); } catch (err) { toast(err.message, true); }
    }, 300);
  };
  const items = data.required_contents.map((c) => {
    const area = h("textarea", { id: `content-${c.id}`, "data-item": c.id, disabled: !editable });
    area.value = r.contents[c.id] || "";
    area.addEventListener("input", liveCheck);
    fields[c.id] = area;
    const save = h("button", { class: "secondary", "data-save": c.id, disabled: !editable }, "Save");
    save.addEventListener("click", async () => {
      try {
        const report = await api("PUT", `/requests/${encodeURIComponent(id)}/contents/${encodeURIComponent(c.id)}`, { text: area.value, version });
        version += 1;
        showCheck(report);
        toast(`saved ${c.id}`);
      } catch (err) { toast(err.message, true); }
    });
    return h("div", { class: "card" }, h("label", { for: `content-${c.id}` }, `${c.label} `, h("span", { class: "muted" }, `(${c.citation})`)), area, save);
  });
  const deadlines = data.deadlines.map((d) => [d.label, d.kind, h("span", { class: d.state }, fmtTime(d.due) || "-"), h("span", { class: d.state }, d.state), d.citation]);
  const target = h("select", { id: "status-to" }, ...["ready", "sent", "acknowledged", "executed", "partially_executed", "refused", "withdrawn", "draft"].map((s) => h("option", {}, s)));
  const move = h("button", { id: "status-move" }, "Move");
  move.addEventListener("click", async () => {
    try { await api("POST", `/requests/${encodeURIComponent(id)}/status`, { to: target.value }); await renderRequest(main, id); }
    catch (err) { toast(err.message, true); }
  });
  const renders = ["docx", "pdf", "json"].map((f) => {
    const b = h("button", { class: "secondary", "data-render": f }, f.toUpperCase());
    b.addEventListener("click", async () => {
      try { const { response } = await download(`/requests/${encodeURIComponent(id)}/render?format=${f}`, `${id}.${f}`); toast(`${f} sha256 ${response.headers.get("X-Cairn-Sha256")?.slice(0, 16)}…`); }
      catch (err) { toast(err.message, true); }
    });
    return b;
  });
  clear(main).append(
    h("h1", {}, `Request ${r.id}`),
    h("p", {}, `${r.request_type} · ${r.requesting_state} → ${r.requested_state} · ${r.measure}${r.urgent ? " · urgent" : ""} · status `, h("strong", { "data-testid": "request-status" }, data.status)),
    h("p", { class: "muted" }, `Legal basis: ${r.legal_basis} (rule ${r.rule_id}) · channel ${r.channel} · case ${r.case_reference || "-"}`),
    h("p", { "data-testid": "request-addressee" }, h("strong", {}, "To: "), addresseeWords(r),
      ` · language ${r.language}${r.accepted_languages.length ? ` (accepted: ${r.accepted_languages.join(", ")})` : ""}`,
      r.form_id ? ` · official form ${r.form_id}` : " · structured letter", ` · route ${r.route_rank}${r.route_on ? ` judged on ${r.route_on}` : ""}`),
    r.language_note ? h("p", { class: "warn" }, r.language_note) : null,
    ...(r.unverified || []).map((u) => h("p", { class: "bad" }, `unverified: ${u}`)),
    h("h2", {}, "Completeness"), check,
    h("h2", {}, "Deadlines"), table(["deadline", "kind", "due", "state", "source"], deadlines, "deadlines-table"),
    h("h2", {}, "Contents"), ...items,
    h("h2", {}, "Findings"), table(["state", "service", "addresses", "amount"], r.findings.map((f) => [f.jurisdiction, f.actor_name, f.addresses.join(" "), f.amounts.map((a) => `${a.base_units} ${a.asset} base units`).join(", ")]), "findings-table"),
    h("h2", {}, "Status and documents"), h("div", { class: "card" }, target, move, h("div", {}, ...renders)));
}

function addresseeWords(r) {
  const a = r.addressee;
  if (!a) return "not recorded";
  if (a.name) return `${a.name} (${a.role_words})${a.verified ? "" : " — unverified"}`;
  return a.role === "service_provider" ? "the service provider" : `${a.role_words} of ${r.requested_state} (not in the data)`;
}
