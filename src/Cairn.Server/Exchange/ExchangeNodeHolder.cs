using Cairn.Exchange.Nodes;
using Cairn.Server.Hosting;
using Cairn.Storage.Exchange;

namespace Cairn.Server.Exchange;

/// <summary>
/// The node identity of this installation, loaded once from the data directory
/// (<see cref="NodeKeyFiles"/>); null until <c>cairn exchange node init</c> has run, re-checked on
/// each call until then so a server started first picks the node up without a restart.
/// </summary>
public sealed class ExchangeNodeHolder : IDisposable
{
    private readonly string _dataDirectory;
    private readonly Lock _lock = new();
    private NodeIdentity? _identity;

    public ExchangeNodeHolder(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dataDirectory = options.DataDirectory;
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

    public void Dispose() => _identity?.Dispose();
}
