using Tandem.Model.Lint;
using Tandem.Model.Manifests;

namespace Tandem.Bench.Model;

/// <summary>What <c>tandem lint</c> does per file, minus printing.</summary>
internal sealed class ManifestPipeline
{
    public int Run(string manifest)
    {
        var loaded = ManifestLoader.Load(manifest, "bench.yaml");
        var findings = Linter.Run([loaded]);
        if (loaded.Problems.Count > 0)
        {
            throw new InvalidOperationException("the benchmark manifest must be valid: " + string.Join("; ", loaded.Problems));
        }
        return findings.Count;
    }
}
