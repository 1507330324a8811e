using Tandem.Model.CoreV1;
using Tandem.Model.Manifests;

namespace Tandem.Model.Lint;

/// <summary>Everything the rules look at: every usable object of every file, and its pods.</summary>
public sealed class LintContext
{
    public LintContext(IReadOnlyList<LoadedManifest> manifests)
    {
        Manifests = manifests;
        Objects = manifests.SelectMany(m => m.Objects).ToList();
        Pods = Objects
            .Where(o => o.Defaulted is Pod)
            .Select(o => new LintedPod(o))
            .ToList();
    }

    public IReadOnlyList<LoadedManifest> Manifests { get; }

    public IReadOnlyList<LoadedObject> Objects { get; }

    public IReadOnlyList<LintedPod> Pods { get; }
}
