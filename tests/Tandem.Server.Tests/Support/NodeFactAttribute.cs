using Tandem.Testing;
using Tandem.Testing.Runtime;

namespace Tandem.Server.Tests.Support;

/// <summary>A fact that needs root, runc and the test registry (skipped with the reason for developers, failing under CI).</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (Prerequisites.FindMissing(Requirements.All) is { } missing && !Prerequisites.IsCi)
        {
            Skip = missing;
        }
    }
}
