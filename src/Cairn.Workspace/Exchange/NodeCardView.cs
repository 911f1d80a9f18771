using Cairn.Exchange.Nodes;

namespace Cairn.Workspace.Exchange;

/// <summary>A node card: id, name, agency, country, endpoint, the signing and encryption fingerprints (to compare out of band) and the public keys.</summary>
public sealed record NodeCardView(string NodeId, string Name, string Agency, string Country, string Endpoint, string SigningFingerprint, string EncryptionFingerprint, string SigningKey, string EncryptionKey)
{
    public static NodeCardView Of(NodeCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new(card.NodeId, card.Name, card.Agency, card.Country, card.Endpoint, card.SigningFingerprint, card.EncryptionFingerprint, card.SigningKey, card.EncryptionKey);
    }
}
