using Tandem.Testing;
using Tandem.Testing.Kubectl;
using Tandem.Testing.Runtime;

namespace Tandem.Cli.Tests.Client;

/// <summary>A fact that needs a real node (root, runc, the test registry) and the newest pinned kubectl to compare with.</summary>
public sealed class ClientFactAttribute : FactAttribute
{
    public static readonly string[] Needs = [.. Requirements.All, KubectlVersions.Requirement(KubectlVersions.Newest)];

    public ClientFactAttribute()
    {
        if (Prerequisites.FindMissing(Needs) is { } missing && !Prerequisites.IsCi)
        {
            Skip = missing;
        }
    }
}
