using System.CommandLine;
using Cairn.Exchange.GoAml;
using Cairn.Workspace.Exchange;

namespace Cairn.Cli.Commands;

/// <summary>`cairn exchange fiu|goaml|import-ivms101`: FIU cooperation and the formats FIUs and VASPs use (goAML XML, IVMS101 JSON).</summary>
internal static partial class ExchangeCommands
{
    private static Command BuildFiu(CliHost host)
    {
        var message = new Option<string>("--message") { Description = "Message id of an accepted FIU disclosure", Required = true };
        var reference = new Option<string>("--case") { Description = "Case reference", Required = true };
        var attach = new Command("attach", "Attach an accepted FIU disclosure to a case (refused for a third agency's case without recorded consent)") { message, reference };
        host.SetAction(attach, async (ctx, parse, cancellationToken) =>
        {
            await ctx.Get<ExchangeService>().AttachDisclosureAsync(ctx.Actor, parse.GetValue(message)!, parse.GetValue(reference)!, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(new DisclosureAttached(parse.GetValue(message)!, parse.GetValue(reference)!, true));
            else ctx.Output.WriteLine($"disclosure {parse.GetValue(message)} attached to case {parse.GetValue(reference)}");
            return CliHost.Success;
        });
        var consentMessage = new Option<string>("--message") { Description = "Message id of the FIU disclosure", Required = true };
        var agency = new Option<string>("--to-agency") { Description = "Agency the disclosing FIU consented to", Required = true };
        var evidence = new Option<string>("--evidence") { Description = "Message id (received from the disclosing node) that gives the consent", Required = true };
        var consent = new Command("consent", "Record the disclosing FIU's consent to onward dissemination, evidenced by a message from it") { consentMessage, agency, evidence };
        host.SetAction(consent, async (ctx, parse, cancellationToken) =>
        {
            await ctx.Get<ExchangeService>().RecordConsentAsync(ctx.Actor, parse.GetValue(consentMessage)!, parse.GetValue(agency)!, parse.GetValue(evidence)!, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(new ConsentRecorded(parse.GetValue(consentMessage)!, parse.GetValue(agency)!, parse.GetValue(evidence)!));
            else ctx.Output.WriteLine($"consent recorded: disclosure {parse.GetValue(consentMessage)} may go to {parse.GetValue(agency)}");
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
        var country = new Option<string?>("--country") { Description = "unknown_country_code: country code written for wallets whose country is unknown" };
        var rates = new Option<string[]>("--rate") { Description = "ASSET=LOCAL_PER_UNIT exchange rate (repeatable)" };
        var institutionCodes = new Option<string[]>("--institution-code") { Description = "CHAIN=CODE institution code for that chain's accounts (repeatable)" };
        var swifts = new Option<string[]>("--swift") { Description = "CHAIN=BIC for that chain's accounts (repeatable)" };
        var command = new Command("goaml", "Export a case as a goAML suspicious transaction report (XML)")
        {
            reference, output, entity, reporter, indicators, transactions, reason, fiuConfig, branch, submission, reportCode, currency, transmode, funds, country, rates, institutionCodes, swifts,
        };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var settings = new GoAmlOptions
            {
                RentityBranch = parse.GetValue(branch),
                SubmissionCode = parse.GetValue(submission),
                ReportCode = parse.GetValue(reportCode),
                CurrencyCodeLocal = parse.GetValue(currency),
                TransmodeCode = parse.GetValue(transmode),
                FundsCode = parse.GetValue(funds),
                UnknownCountryCode = parse.GetValue(country),
                Rates = parse.GetValue(rates) ?? [],
                InstitutionCodes = parse.GetValue(institutionCodes) ?? [],
                Swifts = parse.GetValue(swifts) ?? [],
            };
            var request = new GoAmlExportRequest(parse.GetValue(reference), parse.GetValue(output), parse.GetValue(entity), parse.GetValue(reporter), parse.GetValue(indicators) ?? [],
                parse.GetValue(transactions), parse.GetValue(reason), parse.GetValue(fiuConfig), settings);
            var written = await ctx.Get<ExchangeService>().ExportGoAmlAsync(ctx.Actor, request, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(written);
            else ctx.Output.WriteLine($"wrote goAML report for {written.Case} to {written.File} ({written.Transactions} transactions, {written.Parties} parties, sha256 {written.Sha256})");
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildImportIvms101(CliHost host)
    {
        var reference = new Option<string>("--case") { Description = "Case reference", Required = true };
        var file = new Option<string>("--file") { Description = "IVMS101 JSON payload", Required = true };
        var command = new Command("import-ivms101", "Add an IVMS101 travel-rule payload's originator, beneficiary and VASPs to a case as subjects and wallets") { reference, file };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var imported = await ctx.Get<ExchangeService>().ImportIvms101Async(ctx.Actor, parse.GetValue(reference)!, parse.GetValue(file)!, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(imported);
            else ctx.Output.WriteLine($"case {imported.Case}: {imported.SubjectsAdded.Count} subject(s) and {imported.WalletsAdded.Count} wallet(s) added from {parse.GetValue(file)}");
            return CliHost.Success;
        });
        return command;
    }

    /// <summary>`cairn exchange fiu attach --json`.</summary>
    private sealed record DisclosureAttached(string MessageId, string Case, bool Attached);

    /// <summary>`cairn exchange fiu consent --json`.</summary>
    private sealed record ConsentRecorded(string MessageId, string Agency, string Evidence);
}
