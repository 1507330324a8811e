using System.Runtime.InteropServices;
using Tandem.Runtime.Runc.SubPaths;

namespace Tandem.Runtime.Tests.Runc.SubPaths;

/// <summary>The CVE-2021-25741 class: while a hostile writer swaps a directory and a symlink to / as fast as it can, no resolution ever lands outside the volume.</summary>
public sealed partial class SubPathRaceTests
{
    private const uint RenameExchange = 2;
    private const int AtFdcwd = -100;

    [Fact]
    public async Task Open_WhileDirectoryAndSymlinkAreExchanged_NeverEscapes()
    {
        var volume = Directory.CreateTempSubdirectory("tandem-subpath-race-").FullName;
        try
        {
            var real = Path.Combine(volume, "data");
            var decoy = Path.Combine(volume, "decoy");
            Directory.CreateDirectory(real);
            File.WriteAllText(Path.Combine(real, "file"), "inside");
            File.CreateSymbolicLink(decoy, "/");
            using var stop = new CancellationTokenSource();
            var swaps = 0;
            var attacker = Task.Factory.StartNew(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    if (renameat2(AtFdcwd, real, AtFdcwd, decoy, RenameExchange) == 0)
                    {
                        swaps++;
                    }
                }
            }, TaskCreationOptions.LongRunning);

            var opened = 0;
            var escapes = new List<string>();
            for (var i = 0; i < 20_000; i++)
            {
                try
                {
                    using var handle = SafeSubPath.Open(volume, "data/file");
                    opened++;
                    var target = new FileInfo(handle.ProcPath).LinkTarget ?? "";
                    if (!target.StartsWith(volume + "/", StringComparison.Ordinal))
                    {
                        escapes.Add(target);
                    }
                }
                catch (RuntimeException)
                {
                    // Refused while the symlink was in place: the safe outcome.
                }
            }
            await stop.CancelAsync();
            await attacker;

            Assert.Empty(escapes);
            Assert.True(swaps > 100, $"the attacker only swapped {swaps} times");
            Assert.True(opened > 0, "no open succeeded at all");
        }
        finally
        {
            Directory.Delete(volume, recursive: true);
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int renameat2(int olddirfd, string oldpath, int newdirfd, string newpath, uint flags);
}
