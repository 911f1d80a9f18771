using Cairn.Cases.Cases;
using Cairn.Cases.Custody;

namespace Cairn.Storage.Cases;

/// <summary>Loads and replaces a case's subjects, wallets, notes, links and grants.</summary>
internal static class CaseChildren
{
    public static async Task<Case> LoadAsync(UnitOfWork unit, Case header)
    {
        var id = new { header.Id };
        var subjects = await unit.QueryAsync<CaseRows.SubjectRow>("SELECT kind AS Kind, name AS Name, details AS Details FROM case_subjects WHERE case_id = @Id ORDER BY position", id).ConfigureAwait(false);
        var wallets = await unit.QueryAsync<CaseRows.WalletRow>("SELECT chain AS Chain, address AS Address, role AS Role, label AS Label FROM case_wallets WHERE case_id = @Id ORDER BY chain, address", id).ConfigureAwait(false);
        var notes = await unit.QueryAsync<CaseRows.NoteRow>("SELECT author AS Author, agency AS Agency, written_at AS WrittenAt, text AS Text FROM case_notes WHERE case_id = @Id ORDER BY position", id).ConfigureAwait(false);
        var links = await unit.QueryAsync<CaseRows.LinkRow>("SELECT kind AS Kind, target AS Target FROM case_links WHERE case_id = @Id ORDER BY kind, target", id).ConfigureAwait(false);
        var grants = await unit.QueryAsync<CaseRows.GrantRow>("SELECT agency AS Agency, granted_by AS GrantedBy, granting_agency AS GrantingAgency, granted_at AS GrantedAt FROM case_grants WHERE case_id = @Id ORDER BY granted_at", id).ConfigureAwait(false);
        return header with
        {
            Subjects = subjects.Select(s => new CaseSubject(Enum.Parse<SubjectKind>(s.Kind, true), s.Name, s.Details)).ToList(),
            Wallets = wallets.Select(w => new CaseWallet(w.Chain, w.Address, Enum.Parse<WalletRole>(w.Role, true), w.Label)).ToList(),
            Notes = notes.Select(n => new CaseNote(n.Author, n.Agency, CustodyEntry.ParseTime(n.WrittenAt), n.Text)).ToList(),
            Links = links.Select(l => new CaseLink(Enum.Parse<CaseLinkKind>(l.Kind, true), l.Target)).ToList(),
            Grants = grants.Select(g => new SharingGrant(g.Agency, g.GrantedBy, g.GrantingAgency, CustodyEntry.ParseTime(g.GrantedAt))).ToList(),
        };
    }

    public static async Task ReplaceAsync(UnitOfWork unit, Case saved)
    {
        var id = new { saved.Id };
        foreach (var table in new[] { "case_subjects", "case_wallets", "case_notes", "case_links" })
            await unit.ExecuteAsync($"DELETE FROM {table} WHERE case_id = @Id", id).ConfigureAwait(false);
        for (var i = 0; i < saved.Subjects.Count; i++)
        {
            var s = saved.Subjects[i];
            await unit.ExecuteAsync("INSERT INTO case_subjects (case_id, position, kind, name, details) VALUES (@Id, @Position, @Kind, @Name, @Details)",
                new { saved.Id, Position = (long)i, Kind = CaseRows.Text(s.Kind), s.Name, s.Details }).ConfigureAwait(false);
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
    }
}
