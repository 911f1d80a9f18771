using System.Security.Cryptography;
using Cairn.Cases.Agencies;
using Cairn.Core;
using Cairn.Storage;
using Cairn.Storage.Valuation;
using Cairn.Valuation.Rates;

namespace Cairn.Workspace.Valuation;

/// <summary>
/// Fiat rate tables: import a <c>date,rate</c> file for an asset and currency with its source (a
/// custody-log entry naming the file's SHA-256), list them with their provenance, and the
/// <see cref="Valuator"/> every trace, ledger view and draft values amounts with (cached until the
/// next import). No table is bundled: docs/valuation.md says why and how to import one.
/// </summary>
public sealed class RateService
{
    private static readonly HashSet<string> Currencies = new(StringComparer.Ordinal) { "USD", "EUR", "GBP", "CHF", "JPY", "CAD", "AUD", "SGD", "HKD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "RON", "BGN", "KRW", "CNY", "INR", "BRL", "ZAR", "TRY", "AED", "NZD", "MXN" };

    private readonly CairnDatabase _database;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (long Revision, Valuator Valuator)? _cached;

    public RateService(CairnDatabase database) => _database = database;

    public async Task<RateTable> ImportAsync(Actor actor, RateImportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var asset = Valuator.AssetKey(ValidationException.Required(request.Asset, "asset"));
        var currency = Currency(request.Currency);
        if (asset == currency) throw new ValidationException("currency", $"currency {currency} is the asset itself");
        var source = ValidationException.Required(request.Source, "source");
        var path = ValidationException.Required(request.Path, "path");
        if (!File.Exists(path)) throw new ValidationException("path", $"rate file {path} does not exist");
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return await ImportAsync(actor, asset, currency, source, Path.GetFileName(path), bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Imports rates sent as text (the API: a <c>date,rate</c> CSV in the body).</summary>
    public Task<RateTable> ImportAsync(Actor actor, RateUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(upload);
        var asset = Valuator.AssetKey(ValidationException.Required(upload.Asset, "asset"));
        var currency = Currency(upload.Currency);
        if (asset == currency) throw new ValidationException("currency", $"currency {currency} is the asset itself");
        var source = ValidationException.Required(upload.Source, "source");
        var csv = ValidationException.Required(upload.Csv, "csv");
        var name = string.IsNullOrWhiteSpace(upload.FileName) ? "upload.csv" : Path.GetFileName(upload.FileName.Trim());
        return ImportAsync(actor, asset, currency, source, name, System.Text.Encoding.UTF8.GetBytes(csv), cancellationToken);
    }

    private async Task<RateTable> ImportAsync(Actor actor, string asset, string currency, string source, string fileName, byte[] bytes, CancellationToken cancellationToken)
    {
        IReadOnlyList<RatePoint> points;
        using (var reader = new StringReader(System.Text.Encoding.UTF8.GetString(bytes)))
        {
            try { points = RateCsv.Parse(reader, fileName); }
            catch (CairnException ex) when (ex is not ValidationException) { throw new ValidationException("csv", ex.Message); }
        }
        var table = new RateTable
        {
            Id = "", Asset = asset, Currency = currency, Source = source.Trim(), FileName = fileName,
            FileSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Points = points.Count, FirstDate = points[0].Date, LastDate = points[^1].Date,
            ImportedBy = actor.ToString(), ImportedAt = default,
        };
        return await new SqlRateStore(_database, actor).ImportAsync(table, points, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<RateTable>> ListAsync(CancellationToken cancellationToken = default) =>
        Store.ListAsync(cancellationToken);

    /// <summary>The valuator over the tables in use, rebuilt only after an import.</summary>
    public async Task<Valuator> ValuatorAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var revision = await Store.GetRevisionAsync(cancellationToken).ConfigureAwait(false);
            if (_cached is { } cached && cached.Revision == revision) return cached.Valuator;
            var valuator = revision == 0 ? Valuator.Empty : new Valuator(await Store.LoadCurrentAsync(cancellationToken).ConfigureAwait(false));
            _cached = (revision, valuator);
            return valuator;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>An ISO 4217 code Cairn values in (USD, EUR and the other currencies of executing States), or a field error.</summary>
    public static string Currency(string? text) => Currency(text, "currency");

    /// <summary>
    /// The same, for a parameter named <paramref name="field"/> (the "fiat" of a trace, ledger or dashboard): the error is
    /// keyed by and names that parameter, so a form shows it next to it and the CLI names the option that was typed.
    /// </summary>
    public static string Currency(string? text, string field)
    {
        var code = ValidationException.Required(text, field).Trim().ToUpperInvariant();
        return Currencies.Contains(code) ? code : throw new ValidationException(field, $"{field} '{text}' is not one of {string.Join(", ", Currencies.Order(StringComparer.Ordinal))}");
    }

    private SqlRateStore Store => new(_database, new Actor("system", "system"));
}
