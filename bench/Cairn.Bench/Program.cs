using System.Reflection;
using Cairn.Bench;

var suites = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchSuite).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
    .Select(t => (IBenchSuite)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length == 0 || suites.All(s => s.Name != args[0]))
{
    Console.Error.WriteLine("usage: dotnet run --project bench/Cairn.Bench -c Release -- <suite> [options]");
    foreach (var suite in suites) Console.Error.WriteLine($"  {suite.Name,-20} {suite.Description}");
    return args.Length == 0 ? 0 : 1;
}

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
return await suites.First(s => s.Name == args[0]).RunAsync(args[1..], Console.Out);
