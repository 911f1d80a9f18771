using System.CommandLine;
using Cairn.Core;
using Cairn.Exchange.Fiu;
using Cairn.Storage.Exchange;

namespace Cairn.Cli.Commands;

/// <summary>`cairn exchange fiu|goaml|import-ivms101`: FIU cooperation and the formats FIUs and VASPs use (goAML XML, IVMS101 JSON).</summary>
internal static partial class ExchangeCommands
{
    private static Command BuildFiu(CliHost host)
    {
        var message = new Option<string>("--message") { Description = "Message id of an accepted FIU disclosure", Required = true };
        var reference = new Option<string>("--case") { Description = "Case reference", Required = true };
        var attach = new Command("attach", "Attach an accepted FIU disclosure to a case (refused for a third agency's case without recorded consent)") { message, reference };
        host.SetAction(attach, async (ctx, parseResult, cancellationToken) =>
        {
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            await new SqlDisclosureStore(database).AttachAsync(CaseCommands.ActorFrom(parseResult), parseResult.GetValue(message)!, parseResult.GetValue(reference)!, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(new { MessageId = parseResult.GetValue(message), Case = parseResult.GetValue(reference), Attached = true });
            else ctx.Output.WriteLine($"disclosure {parseResult.GetValue(message)} attached to case {parseResult.GetValue(reference)}");
            return CliHost.Success;
        });
        var consentMessage = new Option<string>("--message") { Description = "Message id of the FIU disclosure", Required = true };
        var agency = new Option<string>("--to-agency") { Description = "Agency the disclosing FIU consented to", Required = true };
        var evidence = new Option<string>("--evidence") { Description = "Message id (received from the disclosing node) that gives the consent", Required = true };
        var consent = new Command("consent", "Record the disclosing FIU's consent to onward dissemination, evidenced by a message from it") { consentMessage, agency, evidence };
        host.SetAction(consent, async (ctx, parseResult, cancellationToken) =>
        {
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            await new SqlDisclosureStore(database).RecordConsentAsync(CaseCommands.ActorFrom(parseResult), parseResult.GetValue(consentMessage)!, parseResult.GetValue(agency)!, parseResult.GetValue(evidence)!, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(new { MessageId = parseResult.GetValue(consentMessage), Agency = parseResult.GetValue(agency), Evidence = parseResult.GetValue(evidence) });
            else ctx.Output.WriteLine($"consent recorded: disclosure {parseResult.GetValue(consentMessage)} may go to {parseResult.GetValue(agency)}");
            return CliHost.Success;
        });
        return new Command("fiu", "FIU disclosures: attach to a case, record consent") { attach, consent };
    }

    private static Command BuildGoAml(CliHost host)
    {
        var reference = new Option<string>("--case") { Description = "Case reference", Required = true };
        var output = new Option<string>("--out") { Description = "goAML XML file to write", Required = true };
        var entity = new Option<string>("--rentity-id") { Description = "Reporting entity id registered with the FIU's goAML", Required = true };
        var reporter = new Option<string>("--reporter") { Description = "Reporting person, \"First Last\"", Required = true };
        var indicators = new Option<string[]>("--indicator") { Description = "Report indicator code (repeatable; the FIU's goAML list)" };
        var transactions = new Option<string?>("--transactions") { Description = "CSV: txid,time,chain,from,to,amount_base_units,asset,decimals[,amount_local]" };
        var reason = new Option<string?>("--reason") { Description = "Reason text (default: case title and offence)" };
        var fiuConfig = new Option<string?>("--fiu-config") { Description = "FIU file (JSON): branch, location, code lists, rates, institutions (docs/exchange.md)" };
        var branch = new Option<string?>("--branch") { Description = "rentity_branch: the reporting entity's branch" };
        var submission = new Option<string?>("--submission-code") { Description = "submission_code from the FIU's list (e.g. E)" };
        var reportCode = new Option<string?>("--report-code") { Description = "report_code from the FIU's list (e.g. STR)" };
        var currency = new Option<string?>("--currency") { Description = "currency_code_local from the FIU's list" };
        var transmode = new Option<string?>("--transmode-code") { Description = "transmode_code (conduction type) from the FIU's list" };
        var funds = new Option<string?>("--funds-code") { Description = "funds_code from the FIU's list" };
        var country = new Option<string?>("--country") { Description = "country code written for wallets whose country is unknown" };
        var rates = new Option<string[]>("--rate") { Description = "ASSET=LOCAL_PER_UNIT exchange rate (repeatable)" };
        var institutionCodes = new Option<string[]>("--institution-code") { Description = "CHAIN=CODE institution code for that chain's accounts (repeatable)" };
        var swifts = new Option<string[]>("--swift") { Description = "CHAIN=BIC for that chain's accounts (repeatable)" };
        var command = new Command("goaml", "Export a case as a goAML suspicious transaction report (XML)")
        {
            reference, output, entity, reporter, indicators, transactions, reason, fiuConfig, branch, submission, reportCode, currency, transmode, funds, country, rates, institutionCodes, swifts,
        };
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            var profile = parseResult.GetValue(fiuConfig) is { } configPath
                ? Exchange.GoAml.GoAmlProfile.Parse(File.Exists(configPath) ? await File.ReadAllTextAsync(configPath, cancellationToken).ConfigureAwait(false) : throw new CairnException($"FIU file {configPath} does not exist"), configPath)
                : new Exchange.GoAml.GoAmlProfile();
            profile = new Exchange.GoAml.GoAmlOptions
            {
                RentityBranch = parseResult.GetValue(branch),
                SubmissionCode = parseResult.GetValue(submission),
                ReportCode = parseResult.GetValue(reportCode),
                CurrencyCodeLocal = parseResult.GetValue(currency),
                TransmodeCode = parseResult.GetValue(transmode),
                FundsCode = parseResult.GetValue(funds),
                UnknownCountryCode = parseResult.GetValue(country),
                Rates = parseResult.GetValue(rates) ?? [],
                InstitutionCodes = parseResult.GetValue(institutionCodes) ?? [],
                Swifts = parseResult.GetValue(swifts) ?? [],
            }.ApplyTo(profile);
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            var actor = CaseCommands.ActorFrom(parseResult);
            var found = await new Storage.Cases.SqlCaseStore(database).GetAsync(actor, parseResult.GetValue(reference)!, cancellationToken).ConfigureAwait(false);
            var names = parseResult.GetValue(reporter)!.Trim().Split(' ', 2);
            var request = new Exchange.GoAml.GoAmlReportRequest
            {
                ReportingEntityId = parseResult.GetValue(entity)!,
                ReportingPersonFirstName = names[0],
                ReportingPersonLastName = names.Length > 1 ? names[1] : names[0],
                Profile = profile,
                Reason = parseResult.GetValue(reason) ?? "",
                Indicators = parseResult.GetValue(indicators) ?? [],
                Transactions = parseResult.GetValue(transactions) is { } csv ? ReadTransactions(csv) : [],
            };
            var xml = Exchange.GoAml.GoAmlWriter.Write(found, request, ctx.Time.GetUtcNow());
            var path = parseResult.GetValue(output)!;
            await using (var stream = File.Create(path))
                await xml.SaveAsync(stream, System.Xml.Linq.SaveOptions.None, cancellationToken).ConfigureAwait(false);
            var hash = Cases.Custody.CustodyRecord.HashOf(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
            await database.InTransactionAsync(actor, unit => unit.RecordAsync("case.export.goaml", "case", found.Id, hash), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(new { Case = found.Reference, File = path, Sha256 = hash, Transactions = request.Transactions.Count, Parties = found.Subjects.Count + found.Wallets.Count });
            else ctx.Output.WriteLine($"wrote goAML report for {found.Reference} to {path} ({request.Transactions.Count} transactions, {found.Subjects.Count + found.Wallets.Count} parties, sha256 {hash})");
            return CliHost.Success;
        });
        return command;
    }

    private static List<Exchange.GoAml.GoAmlTransaction> ReadTransactions(string path)
    {
        if (!File.Exists(path)) throw new CairnException($"transactions file {path} does not exist");
        var list = new List<Exchange.GoAml.GoAmlTransaction>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith("txid", StringComparison.OrdinalIgnoreCase)) continue;
            var f = line.Split(',').Select(x => x.Trim()).ToArray();
            if (f.Length < 8 || !DateTimeOffset.TryParse(f[1], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
                || !int.TryParse(f[7], System.Globalization.CultureInfo.InvariantCulture, out var decimals))
                throw new CairnException($"{path} line {lineNumber}: expected txid,time,chain,from,to,amount_base_units,asset,decimals[,amount_local]");
            list.Add(new(f[0], time, f[2], f[3], f[4], f[5], f[6], decimals, f.Length > 8 ? f[8] : ""));
        }
        return list;
    }

    private static Command BuildImportIvms101(CliHost host)
    {
        var reference = new Option<string>("--case") { Description = "Case reference", Required = true };
        var file = new Option<string>("--file") { Description = "IVMS101 JSON payload", Required = true };
        var command = new Command("import-ivms101", "Add an IVMS101 travel-rule payload's originator, beneficiary and VASPs to a case as subjects and wallets") { reference, file };
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            if (!File.Exists(path)) throw new CairnException($"IVMS101 file {path} does not exist");
            var imported = Exchange.Ivms101.Ivms101Reader.Read(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            var actor = CaseCommands.ActorFrom(parseResult);
            var store = new Storage.Cases.SqlCaseStore(database);
            var current = await store.GetAsync(actor, parseResult.GetValue(reference)!, cancellationToken).ConfigureAwait(false);
            var newSubjects = imported.Subjects.Where(s => !current.Subjects.Contains(s)).ToList();
            var newWallets = imported.Wallets.Where(w => !current.Wallets.Any(c => c.Chain == w.Chain && c.Address == w.Address)).ToList();
            var saved = await store.UpdateAsync(actor, current with { Subjects = [.. current.Subjects, .. newSubjects], Wallets = [.. current.Wallets, .. newWallets] }, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(new { Case = saved.Reference, SubjectsAdded = newSubjects, WalletsAdded = newWallets });
            else ctx.Output.WriteLine($"case {saved.Reference}: {newSubjects.Count} subject(s) and {newWallets.Count} wallet(s) added from {path}");
            return CliHost.Success;
        });
        return command;
    }
}
