// Node-to-node exchange as people follow it: partner nodes with their fingerprints (compare them
// out of band), what your agency sent with "delivered at / accepted at" from the signed receipts,
// and, for admins and FIU analysts, what the node received and deconfliction with partner nodes
// (publish a match filter of the agency's case addresses; check a received filter or answer).
// Other sending stays with `cairn exchange`.
import { h, clear, fmtTime, table, toast } from "./ui.js";
import { api, session } from "./api.js";
import { L } from "./labels.js";
import { field, bindForm, formCard, invalid } from "./forms.js";

const CHECKABLE = new Set(["match_filter", "match_hit"]);

export async function renderExchange(main) {
  const [partners, outbox] = await Promise.all([api("GET", "/exchange/partners?limit=500"), api("GET", "/exchange/outbox?limit=500")]);
  clear(main).append(
    h("h1", {}, "Exchange with partner agencies"),
    h("h2", {}, "Partner nodes"),
    table(["node", "name", "agency", "country", "endpoint", "signing key fingerprint"],
      partners.items.map((p) => [p.node_id, p.name, p.agency, p.country, p.endpoint, h("code", {}, p.signing_fingerprint)]), "partners-table"),
    h("h2", {}, "Sent by your agency"),
    table(["message", "to", "type", "subject", "case", "state", "delivered at", "accepted at", "attempts", "last error"],
      outbox.items.map((m) => [h("code", {}, m.message_id), m.recipient_node, L("message_type", m.type), m.subject, m.case_reference || "", m.state,
        fmtTime(m.delivered_at) || "—", fmtTime(m.accepted_at) || "—", String(m.attempts), m.last_error || ""]), "outbox-table"));
  if (!session.me.roles.includes("Admin") && !session.me.roles.includes("FiuAnalyst")) return;
  const inbox = await api("GET", "/exchange/inbox?limit=500");
  const checked = h("div", { id: "filter-checked" });
  main.append(h("h2", {}, "Received by this node"),
    table(["message", "from", "type", "subject", "case", "state", "received", "accepted", ""],
      inbox.items.map((m) => [h("code", {}, m.message_id), m.sender_node, L("message_type", m.type), m.subject, m.case_reference || "", m.state, fmtTime(m.received_at),
        m.accepted_at ? `${fmtTime(m.accepted_at)} by ${m.accepted_by}` : "—", CHECKABLE.has(m.type) ? checkButton(m, checked) : ""]), "inbox-table"),
    checked,
    h("h2", {}, "Deconfliction with partner nodes"),
    h("p", { class: "muted" }, "A match filter holds keyed hashes of your agency's case addresses in a Bloom filter: the partner learns only which of its own addresses you also hold, and nothing about your cases. Hits on either side arrive as notices, with a way to ask for contact."),
    filterForm(partners.items, main));
}

function checkButton(message, out) {
  const button = h("button", { type: "button", class: "secondary", "data-check": message.message_id }, "Check against our cases");
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const r = await api("POST", `/exchange/inbox/${encodeURIComponent(message.message_id)}/check`);
      const what = r.type === "match_filter"
        ? `${r.hits} of your agency's ${r.compared} case address(es) are in ${r.partner}'s filter${r.answer_message_id ? `; ${r.partner} was told, by keyed hash only` : ""} (expected false matches: ${r.expected_false_positives.toPrecision(2)}).`
        : r.contact_requests > 0 ? `${r.partner} asks for contact about ${r.contact_requests} shared address(es): see your notices.`
          : `${r.partner} holds ${r.hits} of your agency's ${r.compared} case address(es).`;
      clear(out).append(h("p", { class: "card ok", "data-testid": "filter-checked" }, what, r.hits + r.contact_requests > 0 ? [" ", h("a", { href: "#/notifications" }, "Open the notices")] : ""));
    } catch (err) { toast(err.message, true); } finally { button.disabled = false; }
  });
  return button;
}

function filterForm(partners, main) {
  const to = h("select", { id: "filter-to", name: "to" }, h("option", { value: "" }, "— choose a partner node —"),
    ...partners.map((p) => h("option", { value: p.node_id, title: p.node_id }, `${p.name} (${p.agency}, ${p.country})`)));
  const rate = h("input", { id: "filter-rate", name: "false_positive_rate", inputmode: "decimal", placeholder: "0.000001" });
  const form = formCard("filter-form", "Publish a match filter", [
    field("Partner node", to),
    field("False-positive rate", rate, { hint: "Per address the partner checks; above 0 and below 0.01 (default one in a million). Smaller means a larger filter." }),
  ], "Publish match filter");
  bindForm(form, {
    submit: () => {
      if (!to.value) throw invalid("to", "choose the partner node to send the filter to");
      const text = rate.value.trim();
      const value = text === "" ? null : Number(text);
      if (value !== null && !(value > 0 && value < 0.01)) throw invalid("false_positive_rate", "give a rate above 0 and below 0.01, e.g. 0.000001");
      return api("POST", "/exchange/filters", { to: to.value, false_positive_rate: value });
    },
    done: async (r) => {
      toast(`match filter sent to ${r.to}`);
      await renderExchange(main);
      main.append(h("p", { class: "card ok", "data-testid": "filter-published" },
        `Match filter sent to ${r.to}: ${r.entries} address(es) of your agency's cases, ${r.size_bytes} bytes, expected false-positive rate ${r.expected_false_positive_rate.toPrecision(2)} per address checked.`));
    },
  });
  return form;
}
