// Administration → Backups and retention: download a backup (keys stay on the server), the retention
// policies in words, the cases on legal hold, a purge preview (dry run) and the purge itself, and
// the purges done so far. The server decides what is due; this page shows it and asks first.
import { h, clear, fmtTime, toast, table, caseLink } from "./ui.js";
import { api, download } from "./api.js";

export async function renderOperations(body) {
  const retention = await api("GET", "/admin/retention");
  const backupButton = h("button", { id: "download-backup", type: "button" }, "Download a backup");
  const backupResult = h("p", { "data-testid": "backup-result", class: "muted" });
  backupButton.addEventListener("click", async () => {
    backupButton.disabled = true;
    try {
      const { name, blob } = await download("/admin/backup", "cairn-backup.tar.gz");
      backupResult.textContent = `Backup ${name} downloaded (${blob.size} bytes). It holds the database and the evidence files but not the private keys: keep those from the server's data directory separately.`;
    } catch (err) { toast(err.message, true); }
    finally { backupButton.disabled = false; }
  });

  const preview = h("div", { id: "purge-preview", "data-testid": "purge-preview" });
  const dryRun = h("button", { id: "purge-dry-run", type: "button", class: "secondary" }, "Preview what a purge would delete");
  const purge = h("button", { id: "purge-run", type: "button", class: "danger" }, "Purge now");
  dryRun.addEventListener("click", async () => {
    try { show(preview, await api("POST", "/admin/retention/purge?dry_run=true")); } catch (err) { toast(err.message, true); }
  });
  purge.addEventListener("click", async () => {
    if (!confirm("Delete every item whose retention period is over (cases on legal hold are kept)? The custody log keeps only hashes of what is deleted.")) return;
    try {
      const report = await api("POST", "/admin/retention/purge");
      toast(`purge done: ${report.total} items deleted`);
      await renderOperations(clear(body));
      show(document.getElementById("purge-preview"), report);
    } catch (err) { toast(err.message, true); }
  });

  body.append(
    h("div", { class: "card" }, h("h2", {}, "Backup"),
      h("p", {}, "A consistent copy of the running installation: the database and the data directory's files, with a manifest of SHA-256 hashes. Restore it with ", h("code", {}, "cairn --data DIR restore FILE"), "."),
      backupButton, backupResult),
    h("div", { class: "card" }, h("h2", {}, "Retention policies"),
      h("p", { class: "muted" }, `Set in ${retention.configuration_file}.`),
      h("ul", { "data-testid": "retention-policies" }, ...retention.policies.map((p) => h("li", { "data-class": p.data_class }, p.description)))),
    h("div", { class: "card" }, h("h2", {}, "Cases on legal hold"),
      table(["case", "reason", "held by", "since"], retention.holds.map((x) => [caseLink(x.case_reference), x.reason, `${x.held_by} (${x.agency})`, fmtTime(x.held_at)]), "holds-table", "no case is on hold")),
    h("div", { class: "card" }, h("h2", {}, "Purge"),
      h("p", {}, "Deletes what the policies above say is due, except in cases on legal hold. The custody log keeps its entries (hashes only) and records each purge."),
      dryRun, " ", purge, preview),
    h("div", { class: "card" }, h("h2", {}, "Purges done"),
      table(["when", "by", "deleted"], retention.history.map((r) => [fmtTime(r.at), r.by, summary(r)]), "purges-table", "no purge yet")));
  return body;
}

function summary(report) {
  const done = report.items.filter((i) => i.count > 0);
  return done.length ? done.map((i) => `${i.count} × ${i.what} in ${i.cases || "no"} case${i.cases === 1 ? "" : "s"}`).join("; ") : "nothing was due";
}

function show(slot, report) {
  clear(slot).append(
    h("p", { "data-testid": "purge-verdict" }, report.dry_run
      ? (report.total ? `A purge now would delete ${report.total} items:` : "Nothing is due: a purge now would delete nothing.")
      : `Deleted ${report.total} items at ${fmtTime(report.at)}.`),
    table(["data", "policy", "cases", "items"], report.items.map((i) => [i.what, i.policy, String(i.cases), String(i.count)]), "purge-items", "no retention period is set"),
    report.held_cases ? h("p", { class: "muted", "data-testid": "purge-held" }, `${report.held_cases} case${report.held_cases === 1 ? " is" : "s are"} due but kept because on legal hold.`) : "");
}
