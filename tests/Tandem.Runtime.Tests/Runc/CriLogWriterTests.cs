using System.Text;
using Tandem.Runtime.Runc;
using Tandem.Testing;

namespace Tandem.Runtime.Tests.Runc;

public sealed class CriLogWriterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tandem-crilog-").FullName;

    [Fact]
    public async Task Lines_HaveNanosecondUtcTimestampsStreamAndTag()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 123, TimeSpan.Zero).AddTicks(4567));
        var path = Path.Combine(_directory, "0.log");
        await using (var writer = new CriLogWriter(path, clock))
        {
            await writer.PumpAsync(new MemoryStream(Encoding.UTF8.GetBytes("one\ntwo\n\nlast")), "stderr");
        }

        Assert.Equal(
            ["2026-01-02T03:04:05.123456700Z stderr F one", "2026-01-02T03:04:05.123456700Z stderr F two", "2026-01-02T03:04:05.123456700Z stderr F ", "2026-01-02T03:04:05.123456700Z stderr F last"],
            await File.ReadAllLinesAsync(path));
    }

    [Fact]
    public async Task LongLine_IsSplitIntoPartialRecordsOf16KiB()
    {
        var path = Path.Combine(_directory, "0.log");
        var line = new string('x', CriLogWriter.MaxLineBytes * 2 + 10);
        await using (var writer = new CriLogWriter(path, new ManualTimeProvider()))
        {
            await writer.PumpAsync(new MemoryStream(Encoding.UTF8.GetBytes(line + "\n")), "stdout");
        }

        var records = (await File.ReadAllLinesAsync(path)).Select(l => l.Split(' ', 4)).ToList();
        Assert.Equal(["P", "P", "F"], records.Select(r => r[2]));
        Assert.Equal(line, string.Concat(records.Select(r => r[3])));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
