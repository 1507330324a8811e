using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Tandem.Server;

/// <summary>How the API server listens and whom it lets in.</summary>
public sealed record ApiServerOptions
{
    /// <summary>The loopback address and port to bind; port 0 picks a free one. Non-loopback addresses are refused.</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 0);

    /// <summary>Serve TLS (HTTP/1.1 and h2) with this certificate; plain HTTP/1.1 when null.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>When set, every request must carry <c>Authorization: Bearer &lt;token&gt;</c> or gets 401.</summary>
    public string? BearerToken { get; init; }

    /// <summary>Request bodies above this size get 413 (the real apiserver's limit is 3 MiB).</summary>
    public long MaxRequestBodyBytes { get; init; } = 3 * 1024 * 1024;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How often a watch with <c>allowWatchBookmarks=true</c> gets a BOOKMARK (the apiserver sends one about every minute).</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How many changes a watch can replay from (<c>resourceVersion=N</c>); older ones get 410 Expired.</summary>
    public int WatchHistory { get; init; } = 10_000;
}
