namespace Cairn.Chains.Ethereum.Rpc;

/// <summary>How hard the client may push a node.</summary>
public sealed record EthRpcOptions
{
    /// <summary>Calls per HTTP request in <see cref="EthJsonRpcClient.BatchAsync"/>.</summary>
    public int MaxBatchSize { get; init; } = 100;

    /// <summary>HTTP requests in flight at once.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Retries after the first attempt for transient failures (connection errors, timeouts, HTTP 429/5xx).</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>Delay before the first retry; doubled for each further retry (exponential back-off).</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound for one back-off delay.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);
}
