// Node-to-node exchange as people follow it: partner nodes with their fingerprints (compare them
// out of band), what your agency sent with "delivered at / accepted at" from the signed receipts,
// and, for admins and FIU analysts, what the node received. Sending stays with `cairn exchange`.
import { h, clear, fmtTime, table } from "./ui.js";
import { api, session } from "./api.js";

export async function renderExchange(main) {
  const [partners, outbox] = await Promise.all([api("GET", "/exchange/partners?limit=500"), api("GET", "/exchange/outbox?limit=500")]);
  clear(main).append(
    h("h1", {}, "Exchange with partner agencies"),
    h("h2", {}, "Partner nodes"),
    table(["node", "name", "agency", "country", "endpoint", "signing key fingerprint"],
      partners.items.map((p) => [p.node_id, p.name, p.agency, p.country, p.endpoint, h("code", {}, p.signing_fingerprint)]), "partners-table"),
    h("h2", {}, "Sent by your agency"),
    table(["message", "to", "type", "subject", "case", "state", "delivered at", "accepted at", "attempts", "last error"],
      outbox.items.map((m) => [h("code", {}, m.message_id), m.recipient_node, m.type, m.subject, m.case_reference || "", m.state,
        fmtTime(m.delivered_at) || "—", fmtTime(m.accepted_at) || "—", String(m.attempts), m.last_error || ""]), "outbox-table"));
  if (session.me.roles.includes("Admin") || session.me.roles.includes("FiuAnalyst")) {
    const inbox = await api("GET", "/exchange/inbox?limit=500");
    main.append(h("h2", {}, "Received by this node"),
      table(["message", "from", "type", "subject", "case", "state", "received", "accepted"],
        inbox.items.map((m) => [h("code", {}, m.message_id), m.sender_node, m.type, m.subject, m.case_reference || "", m.state, fmtTime(m.received_at), m.accepted_at ? `${fmtTime(m.accepted_at)} by ${m.accepted_by}` : "—"]), "inbox-table"));
  }
}
