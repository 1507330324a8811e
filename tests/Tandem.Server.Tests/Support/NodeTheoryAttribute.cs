using Tandem.Testing;
using Tandem.Testing.Runtime;

namespace Tandem.Server.Tests.Support;

/// <summary>The theory form of <see cref="NodeFactAttribute"/>.</summary>
public sealed class NodeTheoryAttribute : TheoryAttribute
{
    public NodeTheoryAttribute()
    {
        if (Prerequisites.FindMissing(Requirements.All) is { } missing && !Prerequisites.IsCi)
        {
            Skip = missing;
        }
    }
}
