using Cairn.Cases.Cases;
using Cairn.Cases.Custody;

namespace Cairn.Storage.Cases;

/// <summary>Loads and replaces a case's subjects (with identifiers), wallets, notes, links and status changes, and loads its grants.</summary>
internal static class CaseChildren
{
    public static async Task<Case> LoadAsync(UnitOfWork unit, Case header)
    {
        var id = new { header.Id };
        var subjects = await unit.QueryAsync<CaseRows.SubjectRow>(
            "SELECT subject_id AS SubjectId, role AS Role, kind AS Kind, name AS Name, details AS Details FROM case_subjects WHERE case_id = @Id ORDER BY position", id).ConfigureAwait(false);
        var identifiers = (await unit.QueryAsync<CaseRows.IdentifierRow>(
            "SELECT subject_id AS SubjectId, kind AS Kind, value AS Value FROM case_subject_identifiers WHERE case_id = @Id ORDER BY subject_id, position", id).ConfigureAwait(false))
            .ToLookup(i => i.SubjectId);
        var wallets = await unit.QueryAsync<CaseRows.WalletRow>("SELECT chain AS Chain, address AS Address, role AS Role, label AS Label FROM case_wallets WHERE case_id = @Id ORDER BY chain, address", id).ConfigureAwait(false);
        var notes = await unit.QueryAsync<CaseRows.NoteRow>("SELECT author AS Author, agency AS Agency, written_at AS WrittenAt, text AS Text FROM case_notes WHERE case_id = @Id ORDER BY position", id).ConfigureAwait(false);
        var links = await unit.QueryAsync<CaseRows.LinkRow>("SELECT kind AS Kind, target AS Target FROM case_links WHERE case_id = @Id ORDER BY kind, target", id).ConfigureAwait(false);
        var grants = await unit.QueryAsync<CaseRows.GrantRow>(
            "SELECT agency AS Agency, granted_by AS GrantedBy, granting_agency AS GrantingAgency, granted_at AS GrantedAt, level AS Level, pseudonymised AS Pseudonymised FROM case_grants WHERE case_id = @Id ORDER BY granted_at, agency", id).ConfigureAwait(false);
        var changes = await unit.QueryAsync<CaseRows.StatusChangeRow>(
            "SELECT status AS Status, reason AS Reason, changed_at AS ChangedAt, changed_by AS ChangedBy, agency AS Agency FROM case_status_changes WHERE case_id = @Id ORDER BY position", id).ConfigureAwait(false);
        return header with
        {
            Subjects = subjects.Select(s => new CaseSubject(Enum.Parse<SubjectKind>(s.Kind, true), s.Name, s.Details)
            {
                Id = s.SubjectId,
                Role = Enum.Parse<SubjectRole>(s.Role, true),
                Identifiers = identifiers[s.SubjectId].Select(i => new SubjectIdentifier(i.Kind, i.Value)).ToList(),
            }).ToList(),
            Wallets = wallets.Select(w => new CaseWallet(w.Chain, w.Address, Enum.Parse<WalletRole>(w.Role, true), w.Label)).ToList(),
            Notes = notes.Select(n => new CaseNote(n.Author, n.Agency, CustodyEntry.ParseTime(n.WrittenAt), n.Text)).ToList(),
            Links = links.Select(l => new CaseLink(Enum.Parse<CaseLinkKind>(l.Kind, true), l.Target)).ToList(),
            Grants = grants.Select(g => new SharingGrant(g.Agency, g.GrantedBy, g.GrantingAgency, CustodyEntry.ParseTime(g.GrantedAt)) { Level = Enum.Parse<GrantLevel>(g.Level, true), Pseudonymised = g.Pseudonymised == 1 }).ToList(),
            StatusChanges = changes.Select(c => new CaseStatusChange(Enum.Parse<CaseStatus>(c.Status, true), c.Reason, CustodyEntry.ParseTime(c.ChangedAt), c.ChangedBy, c.Agency)).ToList(),
        };
    }

    public static async Task ReplaceAsync(UnitOfWork unit, Case saved)
    {
        var id = new { saved.Id };
        foreach (var table in new[] { "case_subject_identifiers", "case_subjects", "case_wallets", "case_notes", "case_links", "case_status_changes" })
            await unit.ExecuteAsync($"DELETE FROM {table} WHERE case_id = @Id", id).ConfigureAwait(false);
        for (var i = 0; i < saved.Subjects.Count; i++)
        {
            var s = saved.Subjects[i];
            var subjectId = string.IsNullOrEmpty(s.Id) ? throw new InvalidOperationException("a subject is saved without its id") : s.Id;
            await unit.ExecuteAsync("INSERT INTO case_subjects (case_id, position, subject_id, role, kind, name, details) VALUES (@Id, @Position, @SubjectId, @Role, @Kind, @Name, @Details)",
                new { saved.Id, Position = (long)i, SubjectId = subjectId, Role = CaseRows.Text(s.Role), Kind = CaseRows.Text(s.Kind), s.Name, s.Details }).ConfigureAwait(false);
            for (var j = 0; j < s.Identifiers.Count; j++)
                await unit.ExecuteAsync("INSERT INTO case_subject_identifiers (case_id, subject_id, position, kind, value) VALUES (@Id, @SubjectId, @Position, @Kind, @Value)",
                    new { saved.Id, SubjectId = subjectId, Position = (long)j, s.Identifiers[j].Kind, s.Identifiers[j].Value }).ConfigureAwait(false);
        }
        foreach (var w in saved.Wallets.DistinctBy(w => (w.Chain, w.Address)))
            await unit.ExecuteAsync("INSERT INTO case_wallets (case_id, chain, address, role, label) VALUES (@Id, @Chain, @Address, @Role, @Label)",
                new { saved.Id, w.Chain, w.Address, Role = CaseRows.Text(w.Role), w.Label }).ConfigureAwait(false);
        for (var i = 0; i < saved.Notes.Count; i++)
        {
            var n = saved.Notes[i];
            await unit.ExecuteAsync("INSERT INTO case_notes (case_id, position, author, agency, written_at, text) VALUES (@Id, @Position, @Author, @Agency, @WrittenAt, @Text)",
                new { saved.Id, Position = (long)i, n.Author, n.Agency, WrittenAt = CustodyEntry.FormatTime(n.WrittenAt), n.Text }).ConfigureAwait(false);
        }
        foreach (var l in saved.Links.Distinct())
            await unit.ExecuteAsync("INSERT INTO case_links (case_id, kind, target) VALUES (@Id, @Kind, @Target)",
                new { saved.Id, Kind = CaseRows.Text(l.Kind), l.Target }).ConfigureAwait(false);
        for (var i = 0; i < saved.StatusChanges.Count; i++)
        {
            var c = saved.StatusChanges[i];
            await unit.ExecuteAsync("INSERT INTO case_status_changes (case_id, position, status, reason, changed_at, changed_by, agency) VALUES (@Id, @Position, @Status, @Reason, @ChangedAt, @ChangedBy, @Agency)",
                new { saved.Id, Position = (long)i, Status = CaseRows.Text(c.Status), c.Reason, ChangedAt = CustodyEntry.FormatTime(c.ChangedAt), c.ChangedBy, c.Agency }).ConfigureAwait(false);
        }
    }
}
