using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Cairn.Cli;

/// <summary>
/// What every command needs from the invocation: where the data directory is, whether to
/// print JSON, and the writers to print to (injected so tests can run the CLI in-process).
/// </summary>
public sealed class CliContext
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public CliContext(string dataDirectory, bool json, TextWriter output, TextWriter error, TimeProvider time)
    {
        DataDirectory = dataDirectory;
        Json = json;
        Output = output;
        Error = error;
        Time = time;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = output == System.Console.Out ? AnsiSupport.Detect : AnsiSupport.No,
            Interactive = output == System.Console.Out ? InteractionSupport.Detect : InteractionSupport.No,
        });
    }

    /// <summary>The data directory: <c>--data DIR</c>, else <c>CAIRN_DATA</c>, else <c>./cairn-data</c>.</summary>
    public string DataDirectory { get; }

    public bool Json { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public TimeProvider Time { get; }

    /// <summary>Spectre console bound to <see cref="Output"/>, for tables and progress bars.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Whether progress bars may be drawn: never in JSON mode or when output is redirected.</summary>
    public bool CanShowProgress => !Json && Output == System.Console.Out && !System.Console.IsOutputRedirected;

    public string PathIn(params string[] parts) => Path.Combine([DataDirectory, .. parts]);

    public void WriteJson<T>(T value) => Output.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    internal static CliContext From(ParseResult parseResult, TextWriter output, TextWriter error, TimeProvider time)
    {
        var data = parseResult.GetValue(GlobalOptions.Data);
        var dir = data ?? Environment.GetEnvironmentVariable("CAIRN_DATA");
        if (string.IsNullOrWhiteSpace(dir)) dir = Path.Combine(Environment.CurrentDirectory, "cairn-data");
        return new CliContext(Path.GetFullPath(dir), parseResult.GetValue(GlobalOptions.Json), output, error, time);
    }
}
