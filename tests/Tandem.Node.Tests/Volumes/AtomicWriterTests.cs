using System.Text;
using Tandem.Node.Volumes;
using Tandem.Testing;

namespace Tandem.Node.Tests.Volumes;

public sealed class AtomicWriterTests : IDisposable
{
    private readonly string _target = Path.Combine(Path.GetTempPath(), "tandem-atomic-" + Guid.NewGuid().ToString("N"));
    private readonly ManualTimeProvider _time = new();

    public void Dispose()
    {
        if (Directory.Exists(_target))
        {
            Directory.Delete(_target, recursive: true);
        }
    }

    private static Dictionary<string, FileProjection> Payload(params (string Path, string Text)[] files) =>
        files.ToDictionary(f => f.Path, f => new FileProjection(Encoding.UTF8.GetBytes(f.Text), 420));

    [Fact]
    public void Write_CreatesTheKubeletLayout()
    {
        new AtomicWriter(_target, _time).Write(Payload(("app.conf", "a=1"), ("nested/deep.txt", "deep")));

        var data = new FileInfo(Path.Combine(_target, "..data"));
        Assert.StartsWith("..2026_01_01_00_00_00.", data.LinkTarget);
        Assert.Equal("..data/app.conf", new FileInfo(Path.Combine(_target, "app.conf")).LinkTarget);
        Assert.Equal("..data/nested", new FileInfo(Path.Combine(_target, "nested")).LinkTarget);
        Assert.Equal("a=1", File.ReadAllText(Path.Combine(_target, "app.conf")));
        Assert.Equal("deep", File.ReadAllText(Path.Combine(_target, "nested", "deep.txt")));
        Assert.Equal((UnixFileMode)420, File.GetUnixFileMode(Path.Combine(_target, "..data", "app.conf")));
    }

    [Fact]
    public void Write_Update_SwapsTheDataLinkAndRemovesTheOldVersionAndStaleNames()
    {
        var writer = new AtomicWriter(_target, _time);
        writer.Write(Payload(("a", "1"), ("b", "2")));
        var first = new FileInfo(Path.Combine(_target, "..data")).LinkTarget;

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(writer.Write(Payload(("a", "changed"))));

        var second = new FileInfo(Path.Combine(_target, "..data")).LinkTarget;
        Assert.NotEqual(first, second);
        Assert.False(Directory.Exists(Path.Combine(_target, first!)));
        Assert.Equal("changed", File.ReadAllText(Path.Combine(_target, "a")));
        Assert.False(Path.Exists(Path.Combine(_target, "b")));
        Assert.Equal([second!, "..data", "a"], Directory.EnumerateFileSystemEntries(_target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Write_SameContent_ChangesNothing()
    {
        var writer = new AtomicWriter(_target, _time);
        writer.Write(Payload(("a", "1")));
        var version = new FileInfo(Path.Combine(_target, "..data")).LinkTarget;

        Assert.False(writer.Write(Payload(("a", "1"))));
        Assert.Equal(version, new FileInfo(Path.Combine(_target, "..data")).LinkTarget);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/abs")]
    [InlineData("a/../../b")]
    [InlineData("..hidden")]
    [InlineData("a//b")]
    public void Write_PathsThatCouldEscapeOrCollide_AreRefused(string path)
    {
        Assert.Throws<ArgumentException>(() => new AtomicWriter(_target, _time).Write(Payload((path, "x"))));
        Assert.False(Directory.Exists(Path.Combine(_target, "..data")));
    }
}
