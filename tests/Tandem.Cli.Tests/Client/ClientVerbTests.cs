using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tandem.Cli.Tests.Client;

/// <summary>
/// The tandem client verbs end to end: the real tandem process against an in-process API server over a real Kubelet
/// on runc, compared with what the newest pinned kubectl prints against the same server.
/// </summary>
public sealed partial class ClientVerbTests(ClientNode node) : IClassFixture<ClientNode>
{
    private const string TwoContainers = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: NAME
          labels:
            app: NAME
            tier: front
        spec:
          terminationGracePeriodSeconds: 2
          containers:
          - name: main
            image: BUSYBOX
            command: ["sh", "-c", "echo hello from main; trap 'exit 0' TERM; while true; do sleep 1; done"]
          - name: helper
            image: BUSYBOX
            command: ["sh", "-c", "echo hello from helper; trap 'exit 0' TERM; while true; do sleep 1; done"]
        """;

    [ClientFact]
    public async Task Pod_ThroughApplyGetDescribeLogsEventsAndDelete_LooksAsWithKubectl()
    {
        var file = node.Manifest("web.yaml", TwoContainers.Replace("NAME", "web", StringComparison.Ordinal));
        var kubectl = node.Kubectl();

        var created = await node.TandemAsync("apply", "-f", file);
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal("pod/web created\n", created.Stdout);
        var again = await node.TandemAsync("apply", "-f", file);
        Assert.Equal("pod/web unchanged\n", again.Stdout);

        var ready = await node.TandemAsync("wait", "--for=condition=Ready", "pod/web", "--timeout=90s");
        Assert.True(ready.ExitCode == 0, ready.ToString());
        Assert.Equal("pod/web condition met\n", ready.Stdout);

        // get: the same columns and cells kubectl prints, ages aside.
        foreach (var args in new[] { new[] { "get", "pods" }, ["get", "pod", "web", "-o", "wide"], ["get", "pods", "-A", "--show-labels"] })
        {
            var ours = await node.TandemAsync(args);
            var theirs = await kubectl.RunAsync(args);
            Assert.True(ours.ExitCode == 0, ours.ToString());
            Assert.Equal(WithoutAges(theirs.Stdout), WithoutAges(ours.Stdout));
        }
        var get = await node.TandemAsync("get", "pods");
        Assert.StartsWith("NAME   READY   STATUS    RESTARTS   AGE\nweb    2/2     Running   0          ", get.Stdout, StringComparison.Ordinal);

        var json = JsonNode.Parse((await node.TandemAsync("get", "pods", "-o", "json")).Stdout)!;
        Assert.Equal("List", (string?)json["kind"]);
        Assert.Equal("web", (string?)json["items"]![0]!["metadata"]!["name"]);
        Assert.Contains("\nkind: Pod\n", (await node.TandemAsync("get", "pod", "web", "-o", "yaml")).Stdout, StringComparison.Ordinal);
        Assert.Equal("pod/web\n", (await node.TandemAsync("get", "pods", "-l", "app=web", "-o", "name")).Stdout);

        // describe: every container with its state, and the kubelet's events; the field lines kubectl prints are there too.
        var described = await node.TandemAsync("describe", "pod", "web");
        Assert.True(described.ExitCode == 0, described.ToString());
        Assert.Contains("\nContainers:\n  main:\n", described.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n  helper:\n", described.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\n    State:\s+Running\n", described.Stdout);
        Assert.Matches(@"\n  Normal\s+Started\s+", described.Stdout);
        var theirDescribe = (await kubectl.RunAsync("describe", "pod", "web")).Stdout;
        foreach (var label in new[] { "Name:", "Namespace:", "Node:", "Labels:", "Status:", "IP:", "Containers:", "Conditions:", "QoS Class:", "Events:" })
        {
            Assert.Equal(FieldLine(theirDescribe, label), FieldLine(described.Stdout, label));
        }

        // logs: the default container and the message about it, as kubectl.
        var logs = await node.TandemAsync("logs", "web");
        var theirLogs = await kubectl.RunAsync("logs", "web");
        Assert.Equal("hello from main\n", logs.Stdout);
        Assert.Equal(theirLogs.Stderr, logs.Stderr);
        Assert.Equal("hello from helper\n", (await node.TandemAsync("logs", "pod/web", "-c", "helper")).Stdout);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT[\d:.]+Z hello from main\n$", (await node.TandemAsync("logs", "web", "--timestamps", "--tail=1")).Stdout);

        var events = await node.TandemAsync("events", "--for", "pod/web");
        Assert.StartsWith("LAST SEEN   TYPE     REASON", events.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"Normal\s+Started\s+Pod/web\s+", events.Stdout);

        // delete waits until the pod is gone: right after it, the pod is not found.
        var deleted = await node.TandemAsync("delete", "pod", "web");
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Equal("pod \"web\" deleted\n", deleted.Stdout);
        var gone = await node.TandemAsync("get", "pod", "web");
        Assert.Equal(1, gone.ExitCode);
        Assert.Equal("Error from server (NotFound): pods \"web\" not found\n", gone.Stderr);
    }

    [ClientFact]
    public async Task Failures_ArePrintedAsKubectlPrintsThem_WithExitOne()
    {
        var kubectl = node.Kubectl();
        foreach (var args in new[] { new[] { "get", "pod", "nope" }, ["describe", "pod", "nope"], ["delete", "pod", "nope"], ["get", "deployments"] })
        {
            var ours = await node.TandemAsync(args);
            var theirs = await kubectl.RunAsync(args);
            Assert.Equal(1, ours.ExitCode);
            Assert.Equal(theirs.ExitCode, ours.ExitCode);
            Assert.Equal(theirs.Stderr, ours.Stderr);
        }

        var file = node.Manifest("twice.yaml", TwoContainers.Replace("NAME", "twice", StringComparison.Ordinal));
        Assert.Equal("pod/twice created\n", (await node.TandemAsync("create", "-f", file)).Stdout);
        var second = await node.TandemAsync("create", "-f", file);
        var theirSecond = await kubectl.RunAsync("create", "-f", file);
        Assert.Equal(1, second.ExitCode);
        Assert.Equal(theirSecond.Stderr, second.Stderr);
        Assert.Equal(0, (await node.TandemAsync("delete", "-f", file, "--now")).ExitCode);
    }

    [ClientFact]
    public async Task Watch_PrintsTheListThenEveryChange()
    {
        var file = node.Manifest("watched.yaml", TwoContainers.Replace("NAME", "watched", StringComparison.Ordinal));
        using var watch = new WatchedTandem(node.Kubeconfig, "get", "pods", "-l", "app=watched", "-w");
        Assert.Equal(0, (await node.TandemAsync("apply", "-f", file)).ExitCode);

        await watch.WaitForAsync(@"watched\s+2/2\s+Running", TimeSpan.FromSeconds(90));
        Assert.Equal(0, (await node.TandemAsync("delete", "pod", "watched")).ExitCode);
        await watch.WaitForAsync(@"watched\s+\d/2\s+Terminating", TimeSpan.FromSeconds(30));

        Assert.Single(watch.Lines, l => l.StartsWith("NAME", StringComparison.Ordinal));
    }

    [ClientFact]
    public async Task Exec_InAContainerOnRunc_GivesTheCommandsOutputAndExitCode_AsKubectl()
    {
        var file = node.Manifest("exec.yaml", TwoContainers.Replace("NAME", "shell", StringComparison.Ordinal));
        Assert.Equal(0, (await node.TandemAsync("apply", "-f", file)).ExitCode);
        Assert.Equal(0, (await node.TandemAsync("wait", "--for=condition=Ready", "pod/shell", "--timeout=90s")).ExitCode);

        var ours = await node.TandemAsync("exec", "shell", "-c", "main", "--", "sh", "-c", "echo out; echo err >&2; exit 3");
        var theirs = await node.Kubectl().RunAsync("exec", "shell", "-c", "main", "--", "sh", "-c", "echo out; echo err >&2; exit 3");
        Assert.True(ours.ExitCode == 3, $"{ours}\nkubectl: {theirs}");
        Assert.Equal(theirs.ExitCode, ours.ExitCode);
        Assert.Equal(theirs.Stdout, ours.Stdout);
        Assert.Equal(theirs.Stderr, ours.Stderr);

        var piped = await TandemClient.RunAsync(node.Kubeconfig, ["exec", "-i", "shell", "-c", "helper", "--", "sh", "-c", "cat; hostname"], stdin: "through stdin\n");
        Assert.True(piped.ExitCode == 0, piped.ToString());
        Assert.Equal("through stdin\nshell\n", piped.Stdout);
        Assert.Equal(0, (await node.TandemAsync("delete", "pod", "shell", "--now")).ExitCode);
    }

    [ClientFact]
    public async Task PortForward_ToAPodOnRunc_ServesItsHttpServerLocally()
    {
        var file = node.Manifest("pf.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: pf
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: web
                image: BUSYBOX
                command: ["sh", "-c", "mkdir -p /tmp/www && echo hello through the tunnel > /tmp/www/index.html && exec httpd -f -p 8080 -h /tmp/www"]
            """);
        Assert.Equal(0, (await node.TandemAsync("apply", "-f", file)).ExitCode);
        Assert.Equal(0, (await node.TandemAsync("wait", "--for=condition=Ready", "pod/pf", "--timeout=90s")).ExitCode);
        using var forward = new WatchedTandem(node.Kubeconfig, "port-forward", "pod/pf", ":8080");
        await forward.WaitForAsync(@"^Forwarding from 127\.0\.0\.1:\d+ -> 8080", TimeSpan.FromSeconds(30));
        var local = Regex.Match(string.Join('\n', forward.Lines), @"Forwarding from 127\.0\.0\.1:(\d+)").Groups[1].Value;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        // The server may need a moment after Ready (no probe here): retry until it answers.
        string? body = null;
        for (var attempt = 0; attempt < 20 && body is null; attempt++)
        {
            try
            {
                body = await http.GetStringAsync($"http://127.0.0.1:{local}/");
            }
            catch (HttpRequestException) when (attempt < 19)
            {
                await Task.Delay(250);
            }
        }

        Assert.Equal("hello through the tunnel\n", body);
        Assert.Equal(0, (await node.TandemAsync("delete", "pod", "pf", "--now")).ExitCode);
    }

    private static string WithoutAges(string table) => AgePattern().Replace(table, "AGE");

    private static string? FieldLine(string text, string label) =>
        text.Split('\n').FirstOrDefault(l => l.StartsWith(label, StringComparison.Ordinal)) is { } line ? Regex.Replace(line[label.Length..].Trim(), @"\s+", " ") : null;

    // An age cell (5s, 2m3s, 1h) between column separators or at the end of a row.
    [GeneratedRegex(@"(?<=\s)\d+[smhdy](\d+[smh])?(?=\s|$)", RegexOptions.Multiline)]
    private static partial Regex AgePattern();
}
