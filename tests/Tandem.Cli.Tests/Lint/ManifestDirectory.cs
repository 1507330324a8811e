namespace Tandem.Cli.Tests.Lint;

/// <summary>A temporary directory of manifest files, removed when the test ends.</summary>
internal sealed class ManifestDirectory : IDisposable
{
    public ManifestDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "tandem-lint-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
