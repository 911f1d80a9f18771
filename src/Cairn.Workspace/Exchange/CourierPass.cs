namespace Cairn.Workspace.Exchange;

/// <summary>What one outbox pass did: messages delivered, still failing (retried later), expired, rejected by the partner.</summary>
public sealed record CourierPass(int Delivered, int Failed, int Expired, int Rejected)
{
    public int Attempted => Delivered + Failed + Expired + Rejected;
}
