using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Tandem.Sidecars.Proxy;

/// <summary>How the host around the proxy is set up; the CLI uses the defaults, tests turn off signals.</summary>
public sealed record ProxyHostOptions
{
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Handle SIGTERM/SIGINT (drain) and SIGHUP (reload). Off in tests, which share one process.</summary>
    public bool HandleSignals { get; init; } = true;

    /// <summary>Reload when the config file changes on disk.</summary>
    public bool WatchConfigFile { get; init; } = true;
}
