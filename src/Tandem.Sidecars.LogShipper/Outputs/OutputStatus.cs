namespace Tandem.Sidecars.LogShipper.Outputs;

public enum OutputStatus
{
    /// <summary>The sink acknowledged every event of the batch.</summary>
    Delivered,

    /// <summary>A temporary failure (connection, timeout, 408, 429, 5xx): send again after a back-off.</summary>
    Retry,

    /// <summary>The sink refused the data for good (other 4xx): counted as dropped, never retried.</summary>
    Rejected,
}
