using System.CommandLine;
using Cairn.Core;

namespace Cairn.Cli;

/// <summary>
/// Builds the command tree and runs it against given writers. Every command's action goes
/// through <see cref="SetAction"/>, which gives it a <see cref="CliContext"/> (the application of
/// this invocation, disposed afterwards) and turns <see cref="CairnException"/> into one line on
/// stderr and exit code 1 (naming the command's option when the error is about one field), and any
/// other failure into exit code 2 with no stack trace (set CAIRN_DEBUG=1 to see it).
/// </summary>
public sealed class CliHost
{
    public const int Success = 0;
    public const int UserError = 1;
    public const int InternalError = 2;

    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly TimeProvider _time;

    public CliHost(TextWriter output, TextWriter error, TimeProvider time)
    {
        _output = output;
        _error = error;
        _time = time;
    }

    /// <summary>Runs <c>cairn</c> with <paramref name="args"/>; the process entry point and in-process tests both come here.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider? time = null)
    {
        var host = new CliHost(output, error, time ?? TimeProvider.System);
        var root = host.BuildRoot();
        var parseResult = root.Parse(args);
        // A missing or malformed option is one line on stderr and exit 1 (the CLI's bad-input contract), not the
        // command's whole help before it, however many options are wrong; `cairn` alone still shows the help.
        if (parseResult.Errors.Count > 0 && parseResult.CommandResult.Command is not RootCommand)
        {
            error.WriteLine("error: " + string.Join("; ", parseResult.Errors.Select(e => e.Message.TrimEnd('.'))));
            return 1;
        }
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return parseResult.Invoke(configuration);
        }
        catch (Exception ex)
        {
            return host.Report(ex, null);
        }
    }

    public RootCommand BuildRoot()
    {
        var root = new RootCommand("Cairn: cross-border tracing and recovery of crypto assets");
        root.Options.Add(GlobalOptions.Data);
        root.Options.Add(GlobalOptions.Json);
        root.Options.Add(GlobalOptions.As);
        root.Options.Add(GlobalOptions.Agency);
        root.Options.Add(GlobalOptions.LegalData);
        foreach (var command in CommandCatalog.All(this))
            root.Subcommands.Add(command);
        return root;
    }

    /// <summary>Attaches <paramref name="action"/> to <paramref name="command"/> with Cairn's error contract.</summary>
    public void SetAction(Command command, Func<CliContext, ParseResult, CancellationToken, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                await using var context = CliContext.From(parseResult, _output, _error, _time);
                return await action(context, parseResult, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                return Report(ex, parseResult.CommandResult.Command);
            }
        });
    }

    /// <summary>Synchronous convenience overload of <see cref="SetAction(Command, Func{CliContext, ParseResult, CancellationToken, Task{int}})"/>.</summary>
    public void SetAction(Command command, Func<CliContext, ParseResult, int> action) =>
        SetAction(command, (context, parseResult, _) => Task.FromResult(action(context, parseResult)));

    private int Report(Exception ex, Command? command)
    {
        if (ex is AggregateException { InnerExceptions.Count: 1 } aggregate) ex = aggregate.InnerException!;
        if (ex is CairnException cairn)
        {
            _error.WriteLine("error: " + OneLine(FieldErrors.ForCommand(cairn, command)));
            return UserError;
        }
        if (ex is OperationCanceledException)
        {
            _error.WriteLine("error: cancelled");
            return UserError;
        }
        _error.WriteLine("internal error: " + OneLine(ex.GetType().Name + ": " + ex.Message));
        if (Environment.GetEnvironmentVariable("CAIRN_DEBUG") == "1") _error.WriteLine(ex);
        return InternalError;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
