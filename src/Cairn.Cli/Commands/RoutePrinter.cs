using Cairn.Legal.Routing;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>`cairn route` as text: each option with its addressee, languages, rank note and unverified facts (red), then the notes.</summary>
internal static class RoutePrinter
{
    public static void Print(CliContext ctx, RouteResult result)
    {
        ctx.Console.MarkupLine($"[bold]{result.RequestingState} → {result.RequestedState}[/], {result.Measure}{(result.Urgent ? ", urgent" : "")} (on {result.AsOf:yyyy-MM-dd})");
        if (result.Fallback is not null) ctx.Console.MarkupLine($"[yellow]{Markup.Escape(result.Fallback)}[/]");
        foreach (var o in result.Options)
        {
            ctx.Console.MarkupLine($"\n[bold]{o.Rank}. {Markup.Escape(o.Instrument)}[/] — {Markup.Escape(o.Rule)} [dim]({Markup.Escape(o.Citation)}; rule {o.RuleId})[/]"
                + (o.Verified ? "" : " [red]UNVERIFIED[/]") + (o.PartiesConfirmed ? "" : $" [red]{RouteOption.PartyStatusUnverifiedText}[/]")
                + (o.Informal ? " [yellow]informal: not a legal basis[/]" : ""));
            if (o.Treaty is not null) ctx.Console.MarkupLine($"   treaty: {Markup.Escape(o.Treaty)}");
            if (o.RankNote is not null && !o.Informal) ctx.Console.MarkupLine($"   [yellow]{Markup.Escape(o.RankNote)}[/]");
            ctx.Console.MarkupLine($"   channel: {o.Channel.Replace('_', ' ')}; request type: {o.RequestType}");
            if (o.Addressee is { } addressee)
                ctx.Console.MarkupLine($"   send to: {Markup.Escape(addressee.Description(result.RequestedState))}{(addressee.Name is not null && !addressee.Verified ? " [red](unverified)[/]" : "")}");
            ctx.Console.MarkupLine(o.Languages.Known
                ? $"   languages: {string.Join(", ", o.Languages.Languages)} [dim]({Markup.Escape(o.Languages.Basis)})[/]{(o.Languages.Verified ? "" : " [red](unverified)[/]")}"
                : "   languages: not recorded");
            ctx.Console.MarkupLine($"   dual criminality: {o.DualCriminality.Rule} — {Markup.Escape(o.DualCriminality.Note)} ({Markup.Escape(o.DualCriminality.Citation)})");
            foreach (var e in o.Effects) ctx.Console.MarkupLine($"   [yellow]effect:[/] {Markup.Escape(e)}");
            foreach (var d in o.Deadlines) ctx.Console.MarkupLine($"   deadline: {Markup.Escape(d.Label)} ({Markup.Escape(d.Citation)})");
            foreach (var c in o.RequiredContents) ctx.Console.MarkupLine($"   contents: {Markup.Escape(c.Label)} ({Markup.Escape(c.Citation)})");
            foreach (var g in o.RefusalGrounds) ctx.Console.MarkupLine($"   refusal: {Markup.Escape(g.Label)} ({Markup.Escape(g.Citation)})");
            foreach (var r in o.Reservations) ctx.Console.MarkupLine($"   declaration: {Markup.Escape(r)}");
            foreach (var u in o.Unverified) ctx.Console.MarkupLine($"   [red]unverified:[/] {Markup.Escape(u)}");
        }
        foreach (var note in result.Notes) ctx.Console.MarkupLine($"[dim]note: {Markup.Escape(note)}[/]");
    }
}
