using Tandem.Testing;

namespace Tandem.Testing.Runtime;

/// <summary>What the runtime tests need from the machine: the attribute form skips for developers, <see cref="RequireAsync"/> fails under CI=true.</summary>
public static class Requirements
{
    /// <summary>The same list the tests' <c>[PrerequisiteFact(...)]</c> attributes name.</summary>
    public static readonly string[] All = ["root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox"];

    /// <summary>A test's first line: fails naming what is missing, else returns the shared environment.</summary>
    public static Task<RuntimeEnvironment> RequireAsync()
    {
        Prerequisites.Require(All);
        return RuntimeEnvironment.GetAsync();
    }
}
