using System.Security.Cryptography;
using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Cases.Evidence;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Fiu;
using Cairn.Exchange.GoAml;
using Cairn.Exchange.Ivms101;
using Cairn.Exchange.Matching;
using Cairn.Exchange.Messages;
using Cairn.Exchange.Nodes;
using Cairn.Exchange.Receipts;
using Cairn.Storage;
using Cairn.Storage.Cases;
using Cairn.Storage.Custody;
using Cairn.Storage.Evidence;
using Cairn.Workspace.Evidence;

namespace Cairn.Development.Fuzzing;

public static partial class FuzzCatalogue
{
    // Envelopes are sealed and opened at one fixed instant, so a case never fails for its age.
    private static readonly DateTimeOffset SealedAt = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static IEnumerable<FuzzTarget> Exchange(FuzzSeeds seeds)
    {
        var ivms = seeds.Repository("tests/Cairn.Exchange.Tests/TestData/ivms101", "*.json", 30);
        yield return new FuzzTarget("ivms101-json", "IVMS101 JSON (canonical and protobuf JSON)", FuzzInputKind.Json, ivms, input => _ = Ivms101Reader.Read(Text(input), "fuzz.json"));
        var goAml = seeds.Repository("tests/Cairn.Exchange.Tests/TestData/goaml", "*.json");
        yield return new FuzzTarget("goaml-config", "goAML FIU settings file (JSON)", FuzzInputKind.Json, goAml, input => _ = GoAmlProfile.Parse(Text(input), "fuzz.json"));

        var sender = FixedIdentity("fuzz-sender", "Sender node", "agency-s", "NL", "https://sender.example/");
        var recipient = FixedIdentity("fuzz-recipient", "Recipient node", "agency-r", "DE", "https://recipient.example/");
        var messages = new[]
        {
            new ExchangeMessage { Subject = "Request", Body = "Please preserve the account.", CaseReference = "C-1" },
            new ExchangeMessage { Subject = "Evidence", Body = "", Attachments = [ExchangeMessage.Attach("statement.txt", "account statement"u8.ToArray(), "text/plain")] },
            new ExchangeMessage
            {
                Subject = "Disclosure", Body = "spontaneous",
                Disclosure = new DisclosureTerms { DisclosingAgency = "agency-s", Purpose = "analysis", HandlingRestrictions = ["intelligence_only"], OnwardConsent = ["agency-x"] },
            },
        };
        var envelopes = messages.Select((m, i) => EnvelopeSealer.Seal(sender, recipient.Card, i == 2 ? EnvelopeType.FiuDisclosure : EnvelopeType.Request, m.ToBytes(), SealedAt)).ToList();
        yield return new FuzzTarget("envelope", "Exchange envelope off the wire (compact JWE with a nested JWS)", FuzzInputKind.Text, envelopes.Select(e => Utf8(e.ToJson())).ToList(),
            input => _ = EnvelopeOpener.Open(input, recipient, id => id == sender.NodeId ? sender.Card : null, SealedAt));
        yield return new FuzzTarget("exchange-message", "Exchange message payload (JSON inside an opened envelope)", FuzzInputKind.Json, messages.Select(m => m.ToBytes()).ToList(),
            input => _ = ExchangeMessage.Parse(input));
        var receipts = envelopes.Select(e => Utf8(Receipt.Issue(recipient, ReceiptKind.Delivery, e, SealedAt).ToJson()))
            .Append(Utf8(Receipt.Issue(recipient, ReceiptKind.Acceptance, envelopes[0], SealedAt, "officer@agency-r").ToJson())).ToList();
        yield return new FuzzTarget("receipt-json", "Signed delivery and acceptance receipts (JSON)", FuzzInputKind.Json, receipts, input =>
        {
            var receipt = Receipt.Parse(Text(input));
            receipt.Verify(recipient.Card, receipt.MessageId, envelopes[0].DigestHex);
        });
        yield return new FuzzTarget("node-card", "Node card of a partner (JSON with public keys)", FuzzInputKind.Json, [Utf8(sender.Card.ToJson()), Utf8(recipient.Card.ToJson())],
            input => _ = NodeCard.Parse(Text(input), "fuzz-card.json"));
        var filters = new[] { 10, 1000 }.Select(n => MatchFilter.Build(Enumerable.Range(0, n).Select(i => $"bc1qfuzz{i}"), 0.01, "agency-s", SealedAt).ToBytes()).ToList();
        yield return new FuzzTarget("match-filter", "Private-matching filter file from a partner", FuzzInputKind.Binary, filters, input => _ = MatchFilter.ReadFrom(input, "fuzz.filter"));
    }

    /// <summary>
    /// A node whose keys follow from its id (private scalar = SHA-256 of the id and key use), so the
    /// node-card seeds, and every case mutated from them, are the same on every machine: with fresh
    /// random keys a CI machine fuzzed other cards than a developer's and found what they could not
    /// replay. (Envelopes and receipts still differ per run in their ECDSA signatures and JWE
    /// ephemeral keys, which .NET draws at random; only those bytes vary.) Fuzzing keys, never used
    /// for anything else.
    /// </summary>
    private static NodeIdentity FixedIdentity(string nodeId, string name, string agency, string country, string endpoint)
    {
        using var signing = ECDsa.Create(FixedKey(nodeId + "/signing"));
        using var encryption = ECDiffieHellman.Create(FixedKey(nodeId + "/encryption"));
        var card = new NodeCard
        {
            NodeId = nodeId, Name = name, Agency = agency, Country = country, Endpoint = endpoint.TrimEnd('/'),
            SigningKey = Convert.ToBase64String(signing.ExportSubjectPublicKeyInfo()),
            EncryptionKey = Convert.ToBase64String(encryption.ExportSubjectPublicKeyInfo()),
        };
        return NodeIdentity.FromPem(card, signing.ExportPkcs8PrivateKeyPem(), encryption.ExportPkcs8PrivateKeyPem());
    }

    // .NET derives the public point from the private scalar alone (Q left empty).
    private static ECParameters FixedKey(string label) =>
        new() { Curve = ECCurve.NamedCurves.nistP256, D = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(label)) };

    /// <summary>Evidence packages: the seed is a real package exported from a scratch installation; verification is pinned to its key.</summary>
    private static async Task<FuzzTarget> EvidencePackageAsync(CancellationToken cancellationToken)
    {
        var data = Directory.CreateTempSubdirectory("cairn-fuzz-evidence-").FullName;
        try
        {
            await using var database = await CairnDatabase.OpenDataDirectoryAsync(data, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            var actor = new Actor("fuzz", "agency-f");
            await new SqlCaseStore(database).CreateAsync(actor, new NewCase("FUZZ-1", "fuzzing seed", "fraud"), cancellationToken).ConfigureAwait(false);
            var store = new SqlEvidenceStore(database);
            foreach (var (name, content) in new[] { ("statement.txt", "account statement"), ("trace.json", "{\"hops\": 3}") })
            {
                var path = Path.Combine(data, name);
                await File.WriteAllTextAsync(path, content, cancellationToken).ConfigureAwait(false);
                await store.AddAsync(actor, "FUZZ-1", path, "document", "fuzz seed", cancellationToken).ConfigureAwait(false);
            }
            using var package = new MemoryStream();
            await new EvidenceService(store, new SqlCustodyLog(database), database, TimeProvider.System, new Cairn.Workspace.Cases.CasePrivacy(new SqlCaseStore(database), database)).ExportAsync(actor, "FUZZ-1", package, cancellationToken).ConfigureAwait(false);
            var key = database.Signer.ExportPublicKeyPem();
            return new FuzzTarget("evidence-package", "Evidence package (ASiC-E ZIP: manifest, files, CAdES signature, custody proofs)", FuzzInputKind.Binary, [package.ToArray()], input =>
            {
                using var stream = new MemoryStream(input);
                // Verify reports problems instead of throwing: an invalid package is its refusal, and each problem is a line of the report.
                var verification = EvidencePackage.Verify(stream, key);
                var broken = verification.Problems.FirstOrDefault(p => p.Contains('\n', StringComparison.Ordinal) || p.Contains('\r', StringComparison.Ordinal));
                if (broken is not null || !verification.IsValid) throw new Core.CairnException(broken ?? verification.Problems[0]);
            });
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
