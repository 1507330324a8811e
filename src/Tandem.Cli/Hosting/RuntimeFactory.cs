using Microsoft.Extensions.Logging;
using Tandem.Runtime.Runc;

namespace Tandem.Cli.Hosting;

/// <summary>Builds the runc runtime of one state directory, the same way for every verb.</summary>
public static class RuntimeFactory
{
    /// <summary>Names what the runtime creates outside the state dir (netns names, cgroups); tests set their own.</summary>
    public const string HostPrefixVariable = "TANDEM_HOST_PREFIX";

    public static RuncRuntimeOptions Options(string stateDirectory, Func<string, string?> environment) => new()
    {
        StateRoot = stateDirectory,
        HostPrefix = environment(HostPrefixVariable) is { Length: > 0 } prefix ? prefix : "tandem",
    };

    public static RuncRuntime Create(string stateDirectory, ILoggerFactory? loggers = null) =>
        new(Options(stateDirectory, Environment.GetEnvironmentVariable), loggers: loggers);
}
