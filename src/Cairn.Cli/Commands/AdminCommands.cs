using System.CommandLine;
using Cairn.Core.Paging;
using Cairn.Workspace.Administration;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn admin account|agency`: what the administration screen does, from the command line: accounts
/// (create with a one-time password, list, roles, disable, enable, tokens) and the agency registry
/// (add, list, update). Each command is one call into <see cref="AccountService"/> or <see cref="AgencyService"/>,
/// acting as <c>--as</c> of <c>--agency</c>; every change is in the custody log.
/// </summary>
internal static class AdminCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var group = new Command("admin", "Administration: accounts and the agency registry");
        group.Subcommands.Add(BuildAccount(host));
        group.Subcommands.Add(BuildAgency(host));
        return group;
    }

    private static Command BuildAccount(CliHost host)
    {
        var group = new Command("account", "Accounts: create, list, roles, disable, enable, tokens");
        var login = new Argument<string>("LOGIN") { Description = "Login" };
        var roles = new Option<string[]>("--role") { Description = "Role (repeatable): investigator, prosecutor, fiu_analyst, asset_recovery_officer, auditor, admin", AllowMultipleArgumentsPerToken = true, Required = true };

        var agency = new Option<string>("--for-agency") { Description = "Registered agency the account acts for", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name" };
        var create = new Command("create", "Create an account with a one-time password (printed once; changed at first sign-in)") { login, agency, name, roles };
        host.SetAction(create, async (ctx, parse, cancellationToken) =>
        {
            var created = await ctx.Get<AccountService>().CreateAsync(ctx.Actor,
                new NewAccountRequest(parse.GetValue(login), parse.GetValue(agency), parse.GetValue(name), parse.GetValue(roles)), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(created);
            else ctx.Output.WriteLine($"created {created.Account.Login} of {created.Account.Agency} ({string.Join(", ", created.Account.Roles)}); one-time password: {created.OneTimePassword}");
            return CliHost.Success;
        });

        var ofAgency = new Option<string?>("--of-agency") { Description = "Only accounts of this agency" };
        var list = new Command("list", "Accounts, by login") { ofAgency };
        host.SetAction(list, async (ctx, parse, cancellationToken) =>
        {
            var page = await ctx.Get<AccountService>().ListAsync(parse.GetValue(ofAgency), PageRequest.All, cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(page.Items);
                return CliHost.Success;
            }
            var table = new Table().AddColumns("login", "agency", "name", "roles", "state", "created");
            foreach (var a in page.Items)
                table.AddRow(Markup.Escape(a.Login), Markup.Escape(a.Agency), Markup.Escape(a.DisplayName), string.Join(", ", a.Roles),
                    a.Disabled ? "disabled" : a.MustChangePassword ? "one-time password" : "active", CaseCommands.Time(a.CreatedAt));
            ctx.Console.Write(table);
            return CliHost.Success;
        });

        var setRoles = new Command("roles", "Replace an account's roles") { login, roles };
        host.SetAction(setRoles, async (ctx, parse, cancellationToken) =>
        {
            await ctx.Get<AccountService>().SetRolesAsync(ctx.Actor, parse.GetValue(login)!, new RolesRequest(parse.GetValue(roles)), cancellationToken).ConfigureAwait(false);
            ctx.Output.WriteLine(ctx.Json ? "{}" : $"{parse.GetValue(login)} now has roles {string.Join(", ", parse.GetValue(roles) ?? [])}");
            return CliHost.Success;
        });

        group.Subcommands.Add(create);
        group.Subcommands.Add(list);
        group.Subcommands.Add(setRoles);
        group.Subcommands.Add(Toggle(host, login, "disable", "Disable an account (its sessions and tokens stop working)", disabled: true));
        group.Subcommands.Add(Toggle(host, login, "enable", "Enable a disabled account", disabled: false));

        var tokens = new Command("tokens", "An account's API tokens (never their secrets)") { login };
        host.SetAction(tokens, async (ctx, parse, cancellationToken) =>
        {
            var page = await ctx.Get<AccountService>().ListTokensOfAsync(parse.GetValue(login)!, PageRequest.All, cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(page.Items);
                return CliHost.Success;
            }
            var table = new Table().AddColumns("id", "name", "created", "expires", "revoked");
            foreach (var t in page.Items) table.AddRow(t.Id, Markup.Escape(t.Name), CaseCommands.Time(t.CreatedAt), CaseCommands.Time(t.ExpiresAt), CaseCommands.Time(t.RevokedAt));
            ctx.Console.Write(table);
            return CliHost.Success;
        });
        group.Subcommands.Add(tokens);
        return group;
    }

    private static Command Toggle(CliHost host, Argument<string> login, string name, string description, bool disabled)
    {
        var command = new Command(name, description) { login };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            await ctx.Get<AccountService>().SetDisabledAsync(ctx.Actor, parse.GetValue(login)!, disabled, cancellationToken).ConfigureAwait(false);
            ctx.Output.WriteLine(ctx.Json ? "{}" : $"{parse.GetValue(login)} is {(disabled ? "disabled" : "enabled")}");
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildAgency(CliHost host)
    {
        var group = new Command("agency", "The agency registry: add, list, update");
        var code = new Argument<string>("CODE") { Description = "Agency code" };
        var name = new Option<string>("--name") { Description = "Agency name", Required = true };
        var state = new Option<string>("--state") { Description = "State, ISO 3166-1 alpha-2 (e.g. DE)", Required = true };
        var kind = new Option<string>("--kind") { Description = "police | prosecution | fiu | aro | court", Required = true };

        var add = new Command("add", "Register an agency") { code, name, state, kind };
        host.SetAction(add, async (ctx, parse, cancellationToken) =>
        {
            var created = await ctx.Get<AgencyService>().RegisterAsync(ctx.Actor,
                new AgencyRequest(parse.GetValue(code), parse.GetValue(name), parse.GetValue(state), parse.GetValue(kind)), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(created);
            else ctx.Output.WriteLine($"registered {created.Code}: {created.Name} ({created.State}, {created.Kind?.ToString().ToLowerInvariant()})");
            return CliHost.Success;
        });

        var update = new Command("update", "Change a registered agency") { code, name, state, kind };
        host.SetAction(update, async (ctx, parse, cancellationToken) =>
        {
            var changed = await ctx.Get<AgencyService>().UpdateAsync(ctx.Actor, parse.GetValue(code)!,
                new AgencyRequest(parse.GetValue(code), parse.GetValue(name), parse.GetValue(state), parse.GetValue(kind)), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(changed);
            else ctx.Output.WriteLine($"changed {changed.Code}: {changed.Name} ({changed.State}, {changed.Kind?.ToString().ToLowerInvariant()})");
            return CliHost.Success;
        });

        var list = new Command("list", "Registered agencies, by code");
        host.SetAction(list, async (ctx, parse, cancellationToken) =>
        {
            var page = await ctx.Get<AgencyService>().ListAsync(PageRequest.All, cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(page.Items);
                return CliHost.Success;
            }
            var table = new Table().AddColumns("code", "name", "state", "kind");
            foreach (var a in page.Items) table.AddRow(Markup.Escape(a.Code), Markup.Escape(a.Name), a.State, a.Kind?.ToString().ToLowerInvariant() ?? "");
            ctx.Console.Write(table);
            return CliHost.Success;
        });
        group.Subcommands.Add(add);
        group.Subcommands.Add(list);
        group.Subcommands.Add(update);
        return group;
    }
}
