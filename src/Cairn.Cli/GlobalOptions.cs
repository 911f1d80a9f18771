using System.CommandLine;

namespace Cairn.Cli;

/// <summary>Options every command accepts (recursive on the root command).</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Data directory (default: $CAIRN_DATA, else ./cairn-data)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print machine-readable JSON",
        Recursive = true,
    };

    public static readonly Option<string?> As = new("--as") { Description = "Acting user (default: $CAIRN_USER, else the OS user)", Recursive = true };

    public static readonly Option<string?> Agency = new("--agency") { Description = "Acting agency (default: $CAIRN_AGENCY, else \"local\")", Recursive = true };

    public static readonly Option<string?> LegalData = new("--legal-data") { Description = "Reviewed legal data directory to use instead of the built-in copy (data/legal)", Recursive = true };
}
