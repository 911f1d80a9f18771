using System.Collections;
using System.Reflection;
using Cairn.Core;

namespace Cairn.Legal.Loading;

/// <summary>
/// Finds a list entry that YAML read as null (a "-" with nothing after it), or a key with no value where the document type
/// cannot hold null (<c>title:</c>, <c>measures:</c> left empty), anywhere in a deserialised data file, so it is refused with
/// the key's name instead of failing later as a null reference (fuzz suite: a party list ending in "-"; at 10,000 cases, five
/// empty keys in instruments reaching the mappers).
/// </summary>
internal static class EmptyEntries
{
    // One NullabilityInfoContext per check: the type is not thread-safe, and data sets may be loaded on several threads.
    public static void Check(DataFile file, object document) => Walk(file, document, "", depth: 0, new NullabilityInfoContext());

    private static void Walk(DataFile file, object node, string path, int depth, NullabilityInfoContext nullability)
    {
        // The document types nest a few levels (instrument → rule → deadline); the bound only guards against cycles.
        if (depth > 16) return;
        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            var value = property.GetValue(node);
            var name = path.Length == 0 ? property.Name : path + "." + property.Name;
            switch (value)
            {
                case null when property.CanWrite && nullability.Create(property).WriteState == NullabilityState.NotNull:
                    var key = Yaml(property.Name);
                    throw new CairnException($"{file.Name}{KeyLine(file, key)}: '{Yaml(name)}' is empty (a key with no value)");
                case null or string:
                    continue;
                case IEnumerable list:
                    var index = 0;
                    foreach (var item in list)
                    {
                        if (item is null) throw new CairnException($"{file.Name}{BareDashLine(file)}: entry {index + 1} of '{Yaml(name)}' is empty (a '-' with nothing after it)");
                        if (IsDocumentType(item.GetType())) Walk(file, item, $"{name}[{index + 1}]", depth + 1, nullability);
                        index++;
                    }
                    break;
                default:
                    if (IsDocumentType(value.GetType())) Walk(file, value, name, depth + 1, nullability);
                    break;
            }
        }
    }

    /// <summary>":N" for the first line that is a bare "-" (where the empty entry most likely is), else nothing.</summary>
    private static string BareDashLine(DataFile file) => FirstLine(file, l => l.Trim() == "-");

    /// <summary>":N" for the first line holding <paramref name="key"/> with nothing after its colon, else nothing.</summary>
    private static string KeyLine(DataFile file, string key) => FirstLine(file, l => l.Trim().TrimStart('-').Trim() == key + ":");

    private static string FirstLine(DataFile file, Predicate<string> match)
    {
        var index = Array.FindIndex(file.Text.Split('\n'), match);
        return index < 0 ? "" : ":" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool IsDocumentType(Type type) => type.Assembly == typeof(EmptyEntries).Assembly && type.IsClass;

    /// <summary>The YAML spelling of a property path (Parties[2].Declarations → parties[2].declarations).</summary>
    private static string Yaml(string path) =>
        string.Join('.', path.Split('.').Select(YamlDotNet.Serialization.NamingConventions.UnderscoredNamingConvention.Instance.Apply));
}
