namespace Tandem.Cli.Tests.Lint;

/// <summary>The checkout the tests run from: the folder above the test binaries that holds Tandem.slnx.</summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Tandem.slnx")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException($"no Tandem.slnx above {AppContext.BaseDirectory}");
        }
    }

    public static string Examples => Path.Combine(Root, "examples");
}
