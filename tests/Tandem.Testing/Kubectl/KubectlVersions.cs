namespace Tandem.Testing.Kubectl;

/// <summary>
/// The pinned kubectl binaries the machines carry. Tests always name one: <c>/usr/bin/kubectl</c>
/// is the gcloud dispatcher, which picks a binary from the server's reported minor version.
/// </summary>
public static class KubectlVersions
{
    public const string Directory = "/usr/lib/google-cloud-sdk/bin";

    /// <summary>Every minor version the protocol spec covers, oldest first.</summary>
    public static readonly IReadOnlyList<int> All = [27, 28, 29, 30, 31, 32, 33];

    /// <summary>The newest one, for tests about behaviour rather than about client versions.</summary>
    public const int Newest = 33;

    public static string PathOf(int minor) => $"{Directory}/kubectl.1.{minor}";

    /// <summary>The requirement string for <see cref="PrerequisiteFactAttribute"/> and <see cref="Prerequisites.Require"/>.</summary>
    public static string Requirement(int minor) => "file:" + PathOf(minor);

    /// <summary>xunit theory data: one row per version.</summary>
    public static IEnumerable<object[]> Theory => All.Select(v => new object[] { v });
}
