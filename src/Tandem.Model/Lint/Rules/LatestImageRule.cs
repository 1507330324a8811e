using Tandem.Model.Images;

namespace Tandem.Model.Lint.Rules;

/// <summary>An image without a tag, or tagged <c>latest</c>, and without a digest.</summary>
public sealed class LatestImageRule : PodLintRule
{
    public static readonly LintRuleInfo Rule = new(
        "latest-image",
        LintSeverity.Warning,
        "A container image uses the :latest tag, or no tag (which means :latest).",
        "':latest' names whatever was pushed last, so two starts of the same pod can run different code, "
        + "and a restarted sidecar can disagree with the app beside it. It also makes imagePullPolicy "
        + "default to Always: every start goes to the registry, and the pod cannot start offline.",
        "Pin a version tag (busybox:1.36), or better a digest (busybox@sha256:...).");

    public override LintRuleInfo Info => Rule;

    protected override IEnumerable<LintFinding> Check(LintedPod pod)
    {
        foreach (var container in pod.Containers)
        {
            var image = container.Container.Image;
            if (ImageReference.TryParse(image) is { Digest: null, EffectiveTag: "latest" } reference)
            {
                var how = reference.Tag is null ? "has no tag, so it means :latest" : "uses the :latest tag";
                yield return pod.Finding(Rule, container.Path.Child("image"), $"{container.Describe()} image {image} {how}");
            }
        }
    }
}
