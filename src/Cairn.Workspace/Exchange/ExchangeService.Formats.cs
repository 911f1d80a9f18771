using System.Globalization;
using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Cases.Custody;
using Cairn.Core;
using Cairn.Exchange.GoAml;
using Cairn.Exchange.Ivms101;
using Cairn.Exchange.Matching;

namespace Cairn.Workspace.Exchange;

/// <summary>The formats FIUs and VASPs use (goAML XML out, IVMS101 JSON in) and private matching with Bloom filters.</summary>
public sealed partial class ExchangeService
{
    /// <summary>
    /// Writes a case as a goAML suspicious transaction report (logged with the file's hash as
    /// "case.export.goaml"). Every FIU-specific code comes from the FIU file, overridden by the
    /// request's settings; the report is built, and so checked, before anything is written.
    /// </summary>
    public async Task<GoAmlExport> ExportGoAmlAsync(Actor actor, Cairn.Workspace.Exchange.GoAmlExportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = ValidationException.Required(request.Out, "out");
        var entityId = ValidationException.Required(request.ReportingEntityId, "rentity_id");
        var names = ValidationException.Required(request.Reporter, "reporter").Split(' ', 2);
        var profile = request.FiuConfig is { } fiuFile ? await ReadFiuFileAsync(fiuFile, cancellationToken).ConfigureAwait(false) : new GoAmlProfile();
        profile = (request.Settings ?? new GoAmlOptions()).ApplyTo(profile);
        var found = await Resolve<ICaseStore>().GetAsync(actor, ValidationException.Required(request.CaseReference, "case"), cancellationToken).ConfigureAwait(false);
        var report = new Cairn.Exchange.GoAml.GoAmlReportRequest
        {
            ReportingEntityId = entityId,
            ReportingPersonFirstName = names[0],
            ReportingPersonLastName = names.Length > 1 ? names[1] : names[0],
            Profile = profile,
            Reason = request.Reason ?? "",
            Indicators = request.Indicators ?? [],
            Transactions = request.TransactionsCsv is { } csv ? ReadTransactions(csv) : [],
        };
        var xml = GoAmlWriter.Write(found, report, _time.GetUtcNow());
        await using (var stream = File.Create(path))
            await xml.SaveAsync(stream, System.Xml.Linq.SaveOptions.None, cancellationToken).ConfigureAwait(false);
        var hash = CustodyRecord.HashOf(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
        await Resolve<ICustodyLog>().AppendAsync(new CustodyRecord(actor, "case.export.goaml", "case", found.Id, hash), cancellationToken).ConfigureAwait(false);
        return new GoAmlExport(found.Reference, path, hash, report.Transactions.Count, found.Subjects.Count + found.Wallets.Count);
    }

    /// <summary>Reads an FIU file (docs/exchange.md); a missing or malformed file is an error about the field <c>fiu_config</c>.</summary>
    private static async Task<GoAmlProfile> ReadFiuFileAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw new ValidationException("fiu_config", $"FIU file {path} does not exist");
        var json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            return GoAmlProfile.Parse(json, path);
        }
        catch (CairnException ex) when (ex.Field is null)
        {
            throw new ValidationException("fiu_config", ex.Message, ex);
        }
    }

    /// <summary>Adds an IVMS101 travel-rule payload's originator, beneficiary and VASPs to a case as subjects and wallets (those not there yet).</summary>
    public async Task<Ivms101Imported> ImportIvms101Async(Actor actor, string caseReference, string path, CancellationToken cancellationToken = default)
    {
        var file = ValidationException.Required(path, "file");
        if (!File.Exists(file)) throw new ValidationException("file", $"IVMS101 file {file} does not exist");
        var imported = Ivms101Reader.Read(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), file);
        var store = Resolve<ICaseStore>();
        var current = await store.GetAsync(actor, ValidationException.Required(caseReference, "case"), cancellationToken).ConfigureAwait(false);
        var newSubjects = imported.Subjects.Where(s => !current.Subjects.Contains(s)).ToList();
        var newWallets = imported.Wallets.Where(w => !current.Wallets.Any(c => c.Chain == w.Chain && c.Address == w.Address)).ToList();
        var saved = await store.UpdateAsync(actor, current with { Subjects = [.. current.Subjects, .. newSubjects], Wallets = [.. current.Wallets, .. newWallets] }, cancellationToken).ConfigureAwait(false);
        return new Ivms101Imported(saved.Reference, newSubjects, newWallets);
    }

    /// <summary>Builds a keyed-hash Bloom filter of our identifiers and writes it (no raw identifier is written; logged as "match.publish").</summary>
    public async Task<MatchFilterWritten> PublishMatchFilterAsync(Actor actor, MatchPublishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var path = ValidationException.Required(request.Out, "out");
        var identifiers = await CollectIdentifiersAsync(actor, request.IdentifiersFile, request.NoCases, cancellationToken).ConfigureAwait(false);
        var filter = MatchFilter.Build(identifiers, request.FalsePositiveRate, actor.Agency, _time.GetUtcNow());
        var bytes = filter.ToBytes();
        await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
        await Resolve<ICustodyLog>().AppendAsync(new CustodyRecord(actor, "match.publish", "match_filter", Path.GetFileName(path), CustodyRecord.HashOf(bytes)), cancellationToken).ConfigureAwait(false);
        return new MatchFilterWritten(path, filter.Count, filter.Parameters.Bits, filter.Parameters.HashCount, filter.Parameters.TargetFalsePositiveRate, filter.ExpectedFalsePositiveRate, bytes.Length);
    }

    /// <summary>Checks our identifiers against a partner's filter, locally (logged as "match.check"); only hits are reported.</summary>
    public async Task<MatchCheckResult> CheckMatchFilterAsync(Actor actor, MatchCheckRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var path = ValidationException.Required(request.File, "file");
        if (!File.Exists(path)) throw new ValidationException("file", $"filter file {path} does not exist");
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var filter = MatchFilter.ReadFrom(bytes, path);
        var identifiers = await CollectIdentifiersAsync(actor, request.IdentifiersFile, request.NoCases, cancellationToken).ConfigureAwait(false);
        var hits = filter.Hits(identifiers);
        await Resolve<ICustodyLog>().AppendAsync(new CustodyRecord(actor, "match.check", "match_filter", Path.GetFileName(path), CustodyRecord.HashOf(bytes)), cancellationToken).ConfigureAwait(false);
        return new MatchCheckResult(filter.Publisher, identifiers.Count, hits, filter.ExpectedFalsePositiveRate, identifiers.Count * filter.ExpectedFalsePositiveRate);
    }

    /// <summary>The wallets of every case the agency can see, plus the lines of the identifier file.</summary>
    private async Task<IReadOnlyList<string>> CollectIdentifiersAsync(Actor actor, string? identifiersFile, bool noCases, CancellationToken cancellationToken)
    {
        var identifiers = new List<string>();
        if (identifiersFile is { } list)
        {
            if (!File.Exists(list)) throw new ValidationException("identifiers", $"identifier file {list} does not exist");
            identifiers.AddRange((await File.ReadAllLinesAsync(list, cancellationToken).ConfigureAwait(false)).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()));
        }
        if (!noCases)
        {
            var store = Resolve<ICaseStore>();
            foreach (var summary in await store.ListAsync(actor, cancellationToken).ConfigureAwait(false))
                identifiers.AddRange((await store.GetAsync(actor, summary.Reference, cancellationToken).ConfigureAwait(false)).Wallets.Select(w => w.Address));
        }
        return identifiers.Distinct(StringComparer.Ordinal).ToList();
    }

    private static List<GoAmlTransaction> ReadTransactions(string path)
    {
        if (!File.Exists(path)) throw new ValidationException("transactions", $"transactions file {path} does not exist");
        var list = new List<GoAmlTransaction>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith("txid", StringComparison.OrdinalIgnoreCase)) continue;
            var f = line.Split(',').Select(x => x.Trim()).ToArray();
            if (f.Length < 8 || !DateTimeOffset.TryParse(f[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                || !int.TryParse(f[7], CultureInfo.InvariantCulture, out var decimals))
                throw new ValidationException("transactions", $"{path} line {lineNumber}: expected txid,time,chain,from,to,amount_base_units,asset,decimals[,amount_local]");
            list.Add(new(f[0], time, f[2], f[3], f[4], f[5], f[6], decimals, f.Length > 8 ? f[8] : ""));
        }
        return list;
    }
}
