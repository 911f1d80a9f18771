using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Cairn.Cli.Tests")]
