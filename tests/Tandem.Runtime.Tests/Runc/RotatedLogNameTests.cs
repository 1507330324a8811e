using Tandem.Runtime.Runc.Logs;

namespace Tandem.Runtime.Tests.Runc;

public sealed class RotatedLogNameTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("tandem-rotated-").FullName;

    private string LogPath => Path.Combine(_directory, "0.log");

    [Fact]
    public void List_OrdersByTimeThenSequence_AndIgnoresOtherFiles()
    {
        foreach (var name in new[] { "0.log", "0.log.20260102-030405-10", "0.log.20260102-030405-2.gz", "0.log.20260102-030405", "0.log.20260101-235959.gz", "0.log.20260102-030405-3.gz.tmp", "1.log.20260102-030405", "0.log.notatime" })
        {
            File.WriteAllText(Path.Combine(_directory, name), "");
        }

        Assert.Equal(
            ["0.log.20260101-235959.gz", "0.log.20260102-030405", "0.log.20260102-030405-2.gz", "0.log.20260102-030405-10"],
            RotatedLogName.List(LogPath).Select(r => Path.GetFileName(r.Path)));
    }

    [Fact]
    public void Next_InTheSameSecond_FollowsTheHighestSequencePresent()
    {
        Assert.Equal(LogPath + ".20260102-030405", RotatedLogName.Next(LogPath, Now, last: null).Path);

        File.WriteAllText(LogPath + ".20260102-030405-4.gz", "");

        Assert.Equal(LogPath + ".20260102-030405-5", RotatedLogName.Next(LogPath, Now, last: null).Path);
    }

    [Fact]
    public void Next_AfterTheWritersOwnLastRotation_EvenWhenTheListingMissesItOrTheClockSteppedBack()
    {
        var last = new RotatedLog(LogPath + ".20260102-030405-7", "20260102-030405", 7, Compressed: false);

        Assert.Equal(LogPath + ".20260102-030405-8", RotatedLogName.Next(LogPath, Now, last).Path);
        Assert.Equal(LogPath + ".20260102-030405-8", RotatedLogName.Next(LogPath, Now.AddSeconds(-30), last).Path);
        Assert.Equal(LogPath + ".20260102-030406", RotatedLogName.Next(LogPath, Now.AddSeconds(1), last).Path);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
