using System.CommandLine;
using Cairn.Cases.Agencies;
using Cairn.Core.Json;
using Cairn.Workspace;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Cairn.Cli;

/// <summary>
/// What every command needs from the invocation: the data directory, whether to print JSON, the
/// acting user, the writers to print to (injected so tests can run the CLI in-process), and the
/// application (the same container the server builds, opened for this one invocation; nothing in
/// it is opened until a command asks for it).
/// </summary>
public sealed class CliContext : IAsyncDisposable
{
    public const string DefaultAgency = "local";

    private readonly ParseResult _parse;
    private readonly Lazy<ServiceProvider> _services;

    public CliContext(ParseResult parse, string dataDirectory, bool json, TextWriter output, TextWriter error, TimeProvider time, bool terminal)
    {
        _parse = parse;
        DataDirectory = dataDirectory;
        Json = json;
        Output = output;
        Error = error;
        Time = time;
        Terminal = terminal;
        Console = CreateConsole(output, terminal);
        _services = new Lazy<ServiceProvider>(() => new ServiceCollection()
            .AddCairnWorkspace(new WorkspaceOptions
            {
                DataDirectory = DataDirectory,
                LegalDataDirectory = parse.GetValue(GlobalOptions.LegalData) ?? Environment.GetEnvironmentVariable("CAIRN_LEGAL_DATA"),
                Time = time,
            })
            .BuildServiceProvider());
    }

    /// <summary>The data directory: <c>--data DIR</c>, else <c>CAIRN_DATA</c>, else <c>./cairn-data</c>.</summary>
    public string DataDirectory { get; }

    public bool Json { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public TimeProvider Time { get; }

    /// <summary>Whether the output is a terminal (colours and progress bars allowed) rather than a pipe, a file or a test.</summary>
    public bool Terminal { get; }

    /// <summary>Spectre console bound to <see cref="Output"/>, for tables and progress bars (plain text, unwrapped, when not a terminal).</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Whether progress bars may be drawn: never in JSON mode or when output is not a terminal.</summary>
    public bool CanShowProgress => !Json && Terminal;

    /// <summary>The acting user: <c>--as</c> (else $CAIRN_USER, else the OS user) of agency <c>--agency</c> (else $CAIRN_AGENCY, else "local").</summary>
    public Actor Actor => new(_parse.GetValue(GlobalOptions.As) ?? Environment.GetEnvironmentVariable("CAIRN_USER") ?? Environment.UserName,
        _parse.GetValue(GlobalOptions.Agency) ?? Environment.GetEnvironmentVariable("CAIRN_AGENCY") ?? DefaultAgency);

    /// <summary>The application of this invocation.</summary>
    public IServiceProvider Services => _services.Value;

    /// <summary>A service of the application.</summary>
    public T Get<T>() where T : notnull => _services.Value.GetRequiredService<T>();

    /// <summary>Prints <paramref name="value"/> as indented JSON in Cairn's one configuration (readable UTF-8, amounts as strings).</summary>
    public void WriteJson<T>(T value) => Output.WriteLine(CairnJson.WriteIndented(value));

    public async ValueTask DisposeAsync()
    {
        if (_services.IsValueCreated) await _services.Value.DisposeAsync().ConfigureAwait(false);
    }

    internal static CliContext From(ParseResult parseResult, TextWriter output, TextWriter error, TimeProvider time)
    {
        var data = parseResult.GetValue(GlobalOptions.Data);
        var dir = data ?? Environment.GetEnvironmentVariable("CAIRN_DATA");
        if (string.IsNullOrWhiteSpace(dir)) dir = Path.Combine(Environment.CurrentDirectory, "cairn-data");
        var terminal = output == System.Console.Out && !System.Console.IsOutputRedirected;
        return new CliContext(parseResult, Path.GetFullPath(dir), parseResult.GetValue(GlobalOptions.Json), output, error, time, terminal);
    }

    /// <summary>
    /// ANSI colours only on a terminal and only when NO_COLOR is unset (https://no-color.org); off a
    /// terminal, no escape codes and no wrapping at 80 columns (addresses and hashes stay whole for
    /// grep and scripts).
    /// </summary>
    private static IAnsiConsole CreateConsole(TextWriter output, bool terminal)
    {
        var colour = terminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = colour ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = UnwrappedWidth;
        return console;
    }

    /// <summary>Width given to Spectre off a terminal: wide enough that no table row is ever wrapped.</summary>
    private const int UnwrappedWidth = 100_000;
}
