using System.Globalization;
using Cairn.Chains.Bitcoin;
using Cairn.Core;
using Cairn.Tracing.Heuristics;

namespace Cairn.Development.Validation.Real;

/// <summary>
/// Reads the transaction files of Dumplings (github.com/nopara73/Dumplings, Scanner/*.txt), one
/// transaction a line: <c>txid:::block hash:::index in block:::block time:::inputs:::outputs</c>,
/// items separated by <c>}{</c>; an input is <c>prev txid-vout-prevout[-sequence]</c> and an output
/// (or prevout) is <c>value in sat+scriptPubKey hex+type</c>. Full input values and scripts make
/// complete shapes (address history and spenders are not in the file). Mainnet.
/// </summary>
public static class DumplingsFile
{
    private const string FieldSeparator = ":::";
    private const string ItemSeparator = "}{";

    public static IEnumerable<ObservedTransaction> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0) continue;
            ObservedTransaction parsed;
            try
            {
                parsed = Parse(line);
            }
            catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or OverflowException)
            {
                throw new CairnException($"{name} line {number}: not a Dumplings transaction line ({ex.Message})", ex);
            }
            yield return parsed;
        }
    }

    public static ObservedTransaction Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = line.Split(FieldSeparator);
        if (fields.Length != 6) throw new FormatException($"{fields.Length} fields, expected 6");
        var time = long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : (long?)null;
        var inputs = Items(fields[4]).Select(item =>
        {
            // prev txid - vout - prevout [- sequence]; the prevout's own fields are joined by '+'.
            var parts = item.Split('-');
            var (value, script) = ValueAndScript(parts[2]);
            return new InputShape(AddressCodec.FromScript(script, Network.Main), ScriptClassifier.Classify(script), value);
        }).ToList();
        var outputs = Items(fields[5]).Select(item =>
        {
            var (value, script) = ValueAndScript(item);
            return new OutputShape(AddressCodec.FromScript(script, Network.Main), ScriptClassifier.Classify(script), value);
        }).ToList();
        return new ObservedTransaction(fields[0], time, new TransactionShape(inputs, outputs, 0));
    }

    private static string[] Items(string field) => field.Length == 0 ? [] : field.Split(ItemSeparator);

    private static (long Value, byte[] Script) ValueAndScript(string text)
    {
        var parts = text.Split('+');
        if (parts.Length < 2) throw new FormatException($"'{text}' is not value+script+type");
        return (long.Parse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture), Convert.FromHexString(parts[1]));
    }
}
