using System.Security.Cryptography;
using Cairn.Core;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Development.Validation.Real;

/// <summary>
/// Where the real labelled data sets are read from, and their provenance. <see cref="SharedData"/>
/// is the peer reference data beside the repository (../shared/data: real mainnet blocks, the
/// GraphSense TagPacks; see SOURCES.md there). <see cref="External"/> holds two research
/// repositories at pinned commits, fetched by data/heuristics/fetch-sources.sh:
/// <list type="bullet">
/// <item><c>pets26_coinjoin_analysis</c> (Svenda et al., "CoinJoin ecosystem insights for Wasabi 1.x,
/// Wasabi 2.x and Whirlpool coordinator-based privacy mixers", PETS; MIT): Dumplings extracts of
/// mainnet CoinJoins and their neighbours, and EmuCoinJoin runs of the real JoinMarket and Wasabi 2 software.</item>
/// <item><c>wasabi-samourai-analysis</c> (Stütz et al., "Adoption and Actual Privacy of Decentralized
/// CoinJoin Implementations in Bitcoin", AFT 2022): the zkSNACKs coordinator's list of its Wasabi 1
/// CoinJoins. It states no licence: it is read as a list of facts (transaction ids), never copied into Cairn.</item>
/// </list>
/// </summary>
public sealed record RealDataSources(string SharedData, string External)
{
    public const string Pets26Repository = "https://github.com/crocs-muni/pets26_coinjoin_analysis";
    public const string Pets26Commit = "47e25b6bc8cb5075f8d0a65cbe8756870c8911fe";
    public const string Pets26Licence = "MIT (LICENSE: Copyright (c) 2025 CRoCS)";
    public const string WasabiListRepository = "https://github.com/defconst/wasabi-samourai-analysis";
    public const string WasabiListCommit = "520c1cd8d05952fed3ffddfb116816e2824affab";
    public const string WasabiListLicence = "none stated (no LICENSE file); used as a list of facts, not redistributed";

    private const string Fixtures = "pets26_coinjoin_analysis/coinjoin-analysis/tests/fixtures";

    public string Pets26Zip(string name) => Require(Path.Combine(External, Fixtures, name + ".zip"));

    public string WasabiCoordinatorList => Require(Path.Combine(External, "wasabi-samourai-analysis", "data", "wasabi", "CoinJoinsMain_20211221.csv"));

    public string Shared(params string[] parts) => Require(Path.Combine([SharedData, .. parts]));

    public DataSource Pets26Source(string name) =>
        new(Pets26Repository, Pets26Commit, $"coinjoin-analysis/tests/fixtures/{name}.zip", Pets26Licence, Sha256Of(Pets26Zip(name)));

    public DataSource WasabiListSource() =>
        new(WasabiListRepository, WasabiListCommit, "data/wasabi/CoinJoinsMain_20211221.csv", WasabiListLicence, Sha256Of(WasabiCoordinatorList));

    /// <summary>A file of ../shared/data, with the repository, commit, path there and licence SOURCES.md gives for it.</summary>
    public DataSource SharedSource(string repository, string commit, string upstreamPath, string licence, params string[] parts) =>
        new(repository, commit, upstreamPath, licence, Sha256Of(Shared(parts)));

    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string Require(string path) =>
        File.Exists(path) ? path : throw new CairnException($"real data file {path} not found (run data/heuristics/fetch-sources.sh, see docs/heuristics.md)");
}
