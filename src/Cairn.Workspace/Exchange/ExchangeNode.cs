using Cairn.Exchange.Nodes;

namespace Cairn.Workspace.Exchange;

/// <summary>
/// The node identity of this installation, loaded once from the data directory
/// (<see cref="NodeKeyFiles"/>); null until <c>cairn exchange node init</c> has run, re-checked on
/// each call until then so a server started first picks the node up without a restart.
/// </summary>
public sealed class ExchangeNode : IDisposable
{
    private readonly string _dataDirectory;
    private readonly Lock _lock = new();
    private NodeIdentity? _identity;

    public ExchangeNode(string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        _dataDirectory = dataDirectory;
    }

    public NodeIdentity? Identity
    {
        get
        {
            lock (_lock)
            {
                if (_identity is null && NodeKeyFiles.Exists(_dataDirectory)) _identity = NodeKeyFiles.Load(_dataDirectory);
                return _identity;
            }
        }
    }

    /// <summary>The node identity, or a <see cref="Core.CairnException"/> telling how to create one.</summary>
    public NodeIdentity Required => Identity ?? NodeKeyFiles.Load(_dataDirectory);

    public void Dispose() => _identity?.Dispose();
}
