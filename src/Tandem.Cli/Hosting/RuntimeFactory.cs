using Tandem.Runtime.Runc;

namespace Tandem.Cli.Hosting;

/// <summary>Builds the runc runtime of one state directory, the same way for every verb.</summary>
public static class RuntimeFactory
{
    public static RuncRuntimeOptions Options(string stateDirectory) => new() { StateRoot = stateDirectory };

    public static RuncRuntime Create(string stateDirectory) => new(Options(stateDirectory));
}
