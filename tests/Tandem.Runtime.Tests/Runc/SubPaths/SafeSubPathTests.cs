using Tandem.Runtime.Runc.SubPaths;

namespace Tandem.Runtime.Tests.Runc.SubPaths;

/// <summary>The kubelet's TestSafeMakeDir and TestSafeOpen cases (pkg/volume/util/subpath/subpath_linux_test.go), ported.</summary>
public sealed class SafeSubPathTests : IDisposable
{
    private const UnixFileMode Mode = (UnixFileMode)0b111_101_101;
    private readonly string _base = Directory.CreateTempSubdirectory("tandem-subpath-").FullName;

    public static TheoryData<string, string, string[], bool> MakeDirCases => new()
    {
        // name, path to create, preparation (mkdir:X, file:X, link:X->Y), expect error
        { "directory-does-not-exist", "test/directory", [], false },
        { "directory-exists", "test/directory", ["mkdir:test/directory"], false },
        { "create-base", "", [], false },
        { "escape-base-using-dots", "..", [], true },
        { "escape-base-using-dots-2", "test/../../..", ["mkdir:test"], true },
        { "follow-symlinks", "test/directory", ["mkdir:destination", "link:test->destination"], false },
        { "follow-symlink-loop", "test/directory", ["link:test->test"], true },
        { "follow-symlink-multiple follow", "test/directory", ["mkdir:destination", "link:test->destination", "link:destination/directory->../destination2", "mkdir:destination2"], false },
        { "dangling symlink", "test/directory", ["link:test->non-existing"], true },
        { "non-directory", "test/directory", ["file:test"], true },
        { "non-directory-final", "test/directory", ["mkdir:test", "file:test/directory"], true },
        { "escape-with-relative-symlink", "dir/test/directory", ["mkdir:dir", "link:dir/test->../../"], true },
        { "escape-with-relative-symlink-not-exists", "dir/test/directory", ["mkdir:dir", "link:dir/test->../../not-exists"], true },
        { "escape-with-symlink", "test/directory", ["link:test->/"], true },
    };

    [Theory]
    [MemberData(nameof(MakeDirCases))]
    public void MakeDirectories_StaysInsideVolume(string name, string path, string[] prepare, bool expectError)
    {
        Prepare(prepare);

        var error = Record.Exception(() => SafeSubPath.MakeDirectories(_base, path, Mode));

        if (expectError)
        {
            var refused = Assert.IsType<RuntimeException>(error);
            Assert.NotEqual(RuntimeErrorCode.Internal, refused.Code);
            Assert.False(Directory.Exists("/directory"), $"{name}: created a directory outside the volume");
        }
        else
        {
            Assert.Null(error);
            Assert.True(Directory.Exists(Path.Combine(_base, path)), $"{name}: {path} was not created");
        }
    }

    [Theory]
    [InlineData("directory-with-sgid", UnixFileMode.SetGroup)]
    [InlineData("directory-with-suid", UnixFileMode.SetUser)]
    [InlineData("directory-with-sticky-bit", UnixFileMode.StickyBit)]
    public void MakeDirectories_KeepsSpecialModeBits(string name, UnixFileMode bit)
    {
        SafeSubPath.MakeDirectories(_base, "test/directory", Mode | bit);

        Assert.True(File.GetUnixFileMode(Path.Combine(_base, "test/directory")).HasFlag(bit), name);
    }

    public static TheoryData<string, string, string[], bool> OpenCases => new()
    {
        { "directory", "test", ["mkdir:test"], false },
        { "file", "test/file", ["mkdir:test", "file:test/file"], false },
        { "symlink inside the volume", "link", ["mkdir:test", "link:link->test"], false },
        { "escape using dots", "..", [], true },
        { "escape using dots in the middle", "test/../..", ["mkdir:test"], true },
        { "symlink to /", "test", ["link:test->/"], true },
        // The e2e matrix of test/e2e/storage/testsuites/subpath.go, as links an init container plants.
        { "directory outside the volume (ln -s /bin)", "link", ["link:link->/bin"], true },
        { "file outside the volume (ln -s /bin/sh)", "link", ["link:link->/bin/sh"], true },
        { "non-existent path outside (ln -s /bin/notanexistingpath)", "link", ["link:link->/bin/notanexistingpath"], true },
        { "backstepping outside (ln -s ../)", "link", ["link:link->../"], true },
        { "magic link", "link", ["link:link->/proc/self/root"], true },
        { "absolute subPath", "/etc", [], true },
    };

    [Theory]
    [MemberData(nameof(OpenCases))]
    public void Open_RefusesEveryEscape(string name, string path, string[] prepare, bool expectError)
    {
        Prepare(prepare);

        var error = Record.Exception(() => SafeSubPath.Open(_base, path).Dispose());

        if (expectError)
        {
            Assert.IsType<RuntimeException>(error);
        }
        else
        {
            Assert.Null(error);
            using var handle = SafeSubPath.Open(_base, path);
            var target = new FileInfo(handle.ProcPath).LinkTarget;
            Assert.True(target is not null && target.StartsWith(_base, StringComparison.Ordinal), $"{name}: resolved to {target}");
        }
    }

    private void Prepare(string[] steps)
    {
        foreach (var step in steps)
        {
            var (kind, arg) = (step[..step.IndexOf(':', StringComparison.Ordinal)], step[(step.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            switch (kind)
            {
                case "mkdir":
                    Directory.CreateDirectory(Path.Combine(_base, arg));
                    break;
                case "file":
                    File.WriteAllText(Path.Combine(_base, arg), "content");
                    break;
                case "link":
                    var parts = arg.Split("->");
                    File.CreateSymbolicLink(Path.Combine(_base, parts[0]), parts[1]);
                    break;
                default:
                    throw new ArgumentException(step);
            }
        }
    }

    public void Dispose() => Directory.Delete(_base, recursive: true);
}
