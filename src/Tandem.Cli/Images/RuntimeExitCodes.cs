using Tandem.Runtime;

namespace Tandem.Cli.Images;

/// <summary>The runtime's error codes as the CLI's exit codes: a bad name or unreadable input is a usage error (2), everything else a failure (1).</summary>
public static class RuntimeExitCodes
{
    public static int For(RuntimeErrorCode code) => code == RuntimeErrorCode.InvalidArgument ? ExitCodes.UsageOrInput : ExitCodes.Failure;
}
