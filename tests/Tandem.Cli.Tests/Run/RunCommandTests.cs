using Tandem.Runtime.Runc;
using Tandem.Testing;
using Tandem.Testing.Runtime;

namespace Tandem.Cli.Tests.Run;

/// <summary>
/// <c>tandem run</c> as users run it: a separate process on real runc, its pods on the host's own filesystem
/// (<c>tandem.local/host</c> with the host's static busybox), so no registry is involved.
/// </summary>
public sealed class RunCommandTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _root = Directory.CreateTempSubdirectory("tandem-run-").FullName;
    private readonly string _prefix = "tr" + Guid.NewGuid().ToString("N")[..6];

    private string State => Path.Combine(_root, "state");

    private RuncRuntimeOptions Options => new() { StateRoot = State, HostPrefix = _prefix };

    [PrerequisiteFact("root", "cmd:runc", "cmd:ip", "file:/bin/busybox")]
    public async Task PodThatSucceeds_StreamsPrefixedLogs_StopsTheSidecarAfterTheApp_AndExitsZero()
    {
        using var tandem = TandemProcess.Start(State, _prefix, "run", Manifest("ok", Pod("ok", "Never", "echo main says hi; busybox sleep 1; echo main done")));

        var exit = await tandem.WaitForExitAsync(Patience);

        var output = tandem.Output;
        Assert.True(exit == 0, output);
        Assert.Contains("[ok/setup] setting up", output);
        Assert.Contains("[ok/main] main says hi", output);
        Assert.True(output.IndexOf("[ok/main] main done", StringComparison.Ordinal) < output.IndexOf("[ok/helper] helper got TERM", StringComparison.Ordinal), output);
        Assert.Contains("--> pod/ok: phase Running -> Succeeded", output);
        Assert.Contains("pod/ok: Succeeded", output);
        Assert.Empty(Leftovers.Find(Options));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:ip", "file:/bin/busybox")]
    public async Task PodThatFails_ReportsTheExitCode_AndExitsOne()
    {
        using var tandem = TandemProcess.Start(State, _prefix, "run", Manifest("bad", Pod("bad", "Never", "echo failing; exit 3")));

        var exit = await tandem.WaitForExitAsync(Patience);

        Assert.True(exit == 1, tandem.Output);
        Assert.Contains("--> [bad/main] exited with code 3 (Error)", tandem.Output);
        Assert.Contains("pod/bad: Failed", tandem.Output);
        Assert.Empty(Leftovers.Find(Options));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:ip", "file:/bin/busybox")]
    public async Task Timeout_StopsThePodInOrder_AndExits124()
    {
        using var tandem = TandemProcess.Start(State, _prefix, "run", "--timeout", "4s", Manifest("slow", Pod("slow", "Never", Forever("main"))));

        var exit = await tandem.WaitForExitAsync(Patience);

        Assert.True(exit == 124, tandem.Output);
        Assert.Contains("did not complete within", tandem.Output);
        // On a loaded machine the app may not have started within the timeout; if it did, it was stopped with SIGTERM.
        if (tandem.Output.Contains("[slow/main] main up", StringComparison.Ordinal))
        {
            Assert.Contains("[slow/main] main got TERM", tandem.Output);
        }
        Assert.Empty(Leftovers.Find(Options));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:ip", "file:/bin/busybox")]
    public async Task ActiveDeadline_StopsThePodInOrder_AndItFailsWithDeadlineExceeded()
    {
        var pod = Pod("late", "Always", Forever("main")).Replace("spec:\n  restartPolicy: Always", "spec:\n  restartPolicy: Always\n  activeDeadlineSeconds: 3", StringComparison.Ordinal);
        using var tandem = TandemProcess.Start(State, _prefix, "run", "--timeout", "40s", Manifest("late", pod));

        var exit = await tandem.WaitForExitAsync(Patience);

        var output = tandem.Output;
        Assert.True(exit == 1, output);
        Assert.Contains("--> pod/late: DeadlineExceeded: Pod was active on the node longer than the specified deadline", output);
        Assert.Contains("--> pod/late: phase Running -> Failed", output);
        Assert.True(output.IndexOf("[late/main] main got TERM", StringComparison.Ordinal) < output.IndexOf("[late/helper] helper got TERM", StringComparison.Ordinal), output);
        Assert.Contains("pod/late: Failed", output);
        Assert.Empty(Leftovers.Find(Options));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:ip", "file:/bin/busybox")]
    public async Task StopAfter_WithAReadyPod_StopsItAndExitsZero()
    {
        using var tandem = TandemProcess.Start(State, _prefix, "run", "--stop-after", "3s", Manifest("svc", Pod("svc", "Always", Forever("main"))));

        var exit = await tandem.WaitForExitAsync(Patience);

        Assert.True(exit == 0, tandem.Output);
        Assert.Contains("passed; stopping the pods in order", tandem.Output);
        Assert.Empty(Leftovers.Find(Options));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:ip", "file:/bin/busybox")]
    public async Task Interrupt_TerminatesTheAppBeforeItsSidecar_CleansUp_AndExits130()
    {
        using var tandem = TandemProcess.Start(State, _prefix, "run", Manifest("int", Pod("int", "Always", Forever("main"))));
        await tandem.WaitForLineAsync("[int/main] main up", Patience);

        tandem.Signal(2);
        var exit = await tandem.WaitForExitAsync(Patience);

        var output = tandem.Output;
        Assert.True(exit == 130, output);
        Assert.True(output.IndexOf("[int/main] main got TERM", StringComparison.Ordinal) < output.IndexOf("[int/helper] helper got TERM", StringComparison.Ordinal), output);
        Assert.Empty(Leftovers.Find(Options));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:ip", "file:/bin/busybox")]
    public async Task SigKilledTandem_LeavesContainersThatTheNextRunRemoves()
    {
        using (var killed = TandemProcess.Start(State, _prefix, "run", Manifest("first", Pod("first", "Always", Forever("main")))))
        {
            await killed.WaitForLineAsync("[first/main] main up", Patience);
            killed.Signal(9);
            await killed.WaitForExitAsync(Patience);
        }
        Assert.Contains(Leftovers.Find(Options), l => l.StartsWith("process", StringComparison.Ordinal));

        using var next = TandemProcess.Start(State, _prefix, "run", Manifest("second", Pod("second", "Never", "echo second")));
        var exit = await next.WaitForExitAsync(Patience);

        Assert.True(exit == 0, next.Output);
        Assert.Empty(Leftovers.Find(Options));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:ip", "file:/bin/busybox")]
    public async Task CommandNotOnThePath_IsACreateContainerError()
    {
        var pod = Pod("nocmd", "Never", "true").Replace("command: [/bin/busybox, sh, -c, \"true\"]", "command: [no-such-tool]", StringComparison.Ordinal);
        using var tandem = TandemProcess.Start(State, _prefix, "run", "--timeout", "3s", Manifest("nocmd", pod));

        var exit = await tandem.WaitForExitAsync(Patience);

        Assert.True(exit == 124, tandem.Output);
        Assert.Contains("--> [nocmd/main] waiting: CreateContainerError", tandem.Output);
        Assert.Contains("executable file not found in $PATH", tandem.Output);
        Assert.Empty(Leftovers.Find(Options));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:ip", "cmd:skopeo", "cmd:umoci", "file:/bin/busybox")]
    public async Task ImageFromARegistryThatIsDown_IsAnErrImagePull_ThenABackOff()
    {
        var port = LocalRegistry.FreePort();
        var pod = Pod("down", "Never", "true").Replace("image: tandem.local/host\n    command: [/bin/busybox, sh, -c, \"true\"]",
            $"image: 127.0.0.1:{port}/library/busybox:1.36\n    command: [/bin/busybox, sh, -c, \"true\"]", StringComparison.Ordinal);
        using var tandem = TandemProcess.Start(State, _prefix, "run", "--timeout", "5s", Manifest("down", pod));

        var exit = await tandem.WaitForExitAsync(Patience);

        Assert.True(exit == 124, tandem.Output);
        Assert.Contains("--> [down/main] Failed: Failed to pull image \"127.0.0.1:", tandem.Output);
        Assert.Contains("--> [down/main] waiting: ErrImagePull", tandem.Output);
        Assert.DoesNotContain("phase Pending -> Running", tandem.Output);
        Assert.Empty(Leftovers.Find(Options));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:ip", "file:/bin/busybox")]
    public async Task HostPathThatIsAFileWhereADirectoryWasAsked_FailsTheMountAndKeepsThePodPending()
    {
        var file = Path.Combine(_root, "a-file");
        await File.WriteAllTextAsync(file, "not a directory");
        var pod = Pod("mnt", "Never", "true") + $$"""
              volumes:
              - name: data
                hostPath: {path: {{file}}, type: Directory}
            """;
        pod = pod.Replace("    command: [/bin/busybox, sh, -c, \"true\"]", "    command: [/bin/busybox, sh, -c, \"true\"]\n    volumeMounts: [{name: data, mountPath: /data}]", StringComparison.Ordinal);
        using var tandem = TandemProcess.Start(State, _prefix, "run", "--timeout", "3s", Manifest("mnt", pod));

        var exit = await tandem.WaitForExitAsync(Patience);

        Assert.True(exit == 124, tandem.Output);
        Assert.Contains("--> pod/mnt: FailedMount: MountVolume.SetUp failed for volume \"data\"", tandem.Output);
        Assert.DoesNotContain("phase Pending -> Running", tandem.Output);
        Assert.Empty(Leftovers.Find(Options));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:ip", "file:/bin/busybox")]
    public async Task HostFilesystemContainers_ShareAnEmptyDirAtAPathTheHostDoesNotHave_AndTheHostIsUntouched()
    {
        var mountPath = "/tandem-test-" + Guid.NewGuid().ToString("N")[..8];
        var pod = Pod("vol", "Never", $"echo served > {mountPath}/page; busybox cat {mountPath}/page; touch /etc/tandem-was-here || echo root is read-only")
            .Replace("    command: [/bin/busybox, sh, -c, \"echo served", $"    volumeMounts: [{{name: shared, mountPath: {mountPath}}}]\n    command: [/bin/busybox, sh, -c, \"echo served", StringComparison.Ordinal)
            + "  volumes: [{name: shared, emptyDir: {}}]\n";
        using var tandem = TandemProcess.Start(State, _prefix, "run", Manifest("vol", pod));

        var exit = await tandem.WaitForExitAsync(Patience);

        Assert.True(exit == 0, tandem.Output);
        Assert.Contains("[vol/main] served", tandem.Output);
        Assert.Contains("[vol/main] root is read-only", tandem.Output);
        Assert.False(Directory.Exists(mountPath));
        Assert.False(File.Exists("/etc/tandem-was-here"));
        Assert.Empty(Leftovers.Find(Options));
    }

    [Fact]
    public async Task InvalidManifest_IsRefusedWithItsLocation_AndExitsTwo()
    {
        var path = Manifest("invalid", Pod("invalid", "Never", "true").Replace("restartPolicy: Never", "restartPolicy: Sometimes", StringComparison.Ordinal));
        using var tandem = TandemProcess.Start(State, _prefix, "run", path);

        var exit = await tandem.WaitForExitAsync(Patience);

        Assert.Equal(2, exit);
        Assert.Contains($"{path}:", tandem.Output);
        Assert.Contains("spec.restartPolicy: Unsupported value: \"Sometimes\"", tandem.Output);
    }

    [Fact]
    public async Task VolumeMountOfAnUndeclaredVolume_IsRefusedBeforeAnythingRuns()
    {
        var pod = Pod("novol", "Never", "true").Replace("    command: [/bin/busybox, sh, -c, \"true\"]",
            "    command: [/bin/busybox, sh, -c, \"true\"]\n    volumeMounts: [{name: missing, mountPath: /data}]", StringComparison.Ordinal);
        var path = Manifest("novol", pod);
        using var tandem = TandemProcess.Start(State, _prefix, "run", path);

        var exit = await tandem.WaitForExitAsync(Patience);

        Assert.Equal(2, exit);
        Assert.Contains("spec.containers[0].volumeMounts[0].name: Not found: \"missing\"", tandem.Output);
        Assert.False(Directory.Exists(Path.Combine(State, "sandboxes")) && Directory.EnumerateFileSystemEntries(Path.Combine(State, "sandboxes")).Any());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A test that failed may have left a mount; the leak assertion already said so.
        }
    }

    private string Manifest(string name, string text)
    {
        var path = Path.Combine(_root, name + ".yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private static string Forever(string name) =>
        $"trap 'echo {name} got TERM; exit 0' TERM; echo {name} up; while true; do busybox sleep 1 & wait $!; done";

    // An init container, a native sidecar that reports its SIGTERM, and the app; all on the host's busybox.
    private static string Pod(string name, string restartPolicy, string main) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: {{name}}}
        spec:
          restartPolicy: {{restartPolicy}}
          terminationGracePeriodSeconds: 5
          initContainers:
          - name: setup
            image: tandem.local/host
            command: [/bin/busybox, sh, -c, "echo setting up"]
          - name: helper
            image: tandem.local/host
            restartPolicy: Always
            command: [/bin/busybox, sh, -c, "{{Forever("helper")}}"]
          containers:
          - name: main
            image: tandem.local/host
            command: [/bin/busybox, sh, -c, "{{main}}"]
        """ + "\n";
}
