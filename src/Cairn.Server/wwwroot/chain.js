// The chain indexes: what is indexed, an ingest started from the server's block files (admins),
// and its progress, polled from the job until it ends.
import { h, clear, fmtTime, toast, table } from "./ui.js";
import { api, session } from "./api.js";

export async function renderChain(main) {
  const [btc, eth, jobs] = await Promise.all([api("GET", "/btc/status"), api("GET", "/eth/status"), api("GET", "/jobs?limit=20")]);
  const status = table(["chain", "indexed", "tip", "transactions / transfers", "addresses"], [
    ["Bitcoin", btc.indexed ? `yes (${btc.network})` : "no", btc.indexed ? String(btc.tip_height) : "", btc.indexed ? String(btc.transactions) : "", btc.indexed ? String(btc.addresses) : ""],
    ["Ethereum", eth.indexed ? "yes" : "no", eth.indexed ? String(eth.last_block) : "", eth.indexed ? String(eth.transfers) : "", eth.indexed ? String(eth.addresses) : ""],
  ], "chain-status");
  const jobRows = jobs.items.map((j) => [j.kind, j.state, `${j.done} / ${j.total}`, j.detail || j.error || "", j.owner, fmtTime(j.started_at)]);
  clear(main).append(h("h1", {}, "Chain indexes"), status, h("h2", {}, "Jobs"), table(["job", "state", "blocks", "detail", "by", "started"], jobRows, "jobs-table"));
  if (session.me.roles.includes("Admin")) main.append(ingestForm(main));
}

function ingestForm(main) {
  const blocks = h("input", { id: "ingest-blocks", placeholder: "/path/to/blocks (blk*.dat on the server)" });
  const network = h("select", { id: "ingest-network" }, ...["main", "test", "testnet4", "signet", "regtest"].map((n) => h("option", {}, n)));
  const bar = h("progress", { id: "ingest-progress", max: "1", value: "0", hidden: true });
  const label = h("p", { id: "ingest-status", "data-testid": "ingest-status" });
  const form = h("form", { class: "card", id: "ingest-form" }, h("h2", {}, "Ingest Bitcoin block files"),
    h("label", {}, "Blocks directory"), blocks, h("label", {}, "Network"), network, h("div", {}, h("button", { type: "submit" }, "Start ingest")), bar, label);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      let job = await api("POST", "/btc/ingest", { blocks: blocks.value, network: network.value });
      bar.hidden = false;
      while (job.state === "running") {
        bar.max = Math.max(1, job.total); bar.value = job.done;
        label.textContent = `${job.done} of ${job.total} blocks · ${job.detail}`;
        await new Promise((r) => setTimeout(r, 400));
        job = await api("GET", `/jobs/${job.id}`);
      }
      bar.max = 1; bar.value = job.state === "succeeded" ? 1 : 0;
      label.textContent = job.state === "succeeded" ? `done: ${job.detail}` : `failed: ${job.error}`;
      label.className = job.state === "succeeded" ? "ok" : "bad";
      if (job.state === "succeeded") { toast("ingest finished"); setTimeout(() => renderChain(main), 1500); }
    } catch (err) { toast(err.message, true); }
  });
  return form;
}
