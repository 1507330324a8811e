using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Tandem.Testing;
using Tandem.Testing.Kubectl;

namespace Tandem.Cli.Tests.Daemon;

/// <summary><c>tandem up</c>, <c>status</c> and <c>down</c> as a person runs them, against a real daemon on runc, with a pinned kubectl.</summary>
public sealed class DaemonCommandTests
{
    private const string ExistingKubeconfig = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: elsewhere
          cluster: {server: "https://192.0.2.1:6443", insecure-skip-tls-verify: true}
        users:
        - name: someone
          user: {token: not-ours}
        contexts:
        - name: elsewhere
          context: {cluster: elsewhere, user: someone}
        current-context: elsewhere
        x-custom: preserved
        """;

    [PrerequisiteFact("root", "cmd:runc", "cmd:ip", "file:/usr/lib/google-cloud-sdk/bin/kubectl.1.33")]
    public async Task Up_ServesKubectl_IsIdempotent_ReportsStatus_AndDownStopsIt()
    {
        await using var daemon = new DaemonFixture();
        await File.WriteAllTextAsync(daemon.KubeconfigPath, ExistingKubeconfig);

        var up = await daemon.UpAsync();

        Assert.Contains("tandem is up (pid", up, StringComparison.Ordinal);
        Assert.Contains($"log:        {daemon.Layout.LogFile}", up, StringComparison.Ordinal);
        Assert.Contains("context \"tandem\" is now the current context; it was \"elsewhere\"", up, StringComparison.Ordinal);
        var pid = daemon.Record!.Pid;
        Assert.Contains("Server Version: v1.", await daemon.KubectlAsync("version"), StringComparison.Ordinal);
        var kubeconfig = await File.ReadAllTextAsync(daemon.KubeconfigPath);
        Assert.Contains("name: elsewhere", kubeconfig, StringComparison.Ordinal);
        Assert.Contains("token: not-ours", kubeconfig, StringComparison.Ordinal);
        Assert.Contains("x-custom: preserved", kubeconfig, StringComparison.Ordinal);
        Assert.Contains("current-context: tandem", kubeconfig, StringComparison.Ordinal);

        var again = await daemon.UpAsync();
        Assert.Contains($"tandem is already running (pid {pid})", again, StringComparison.Ordinal);

        var (statusExit, statusText) = await daemon.RunAsync("status");
        Assert.True(statusExit == 0, statusText);
        Assert.Contains($"tandem is running (pid {pid})", statusText, StringComparison.Ordinal);
        Assert.Contains("pods:     none", statusText, StringComparison.Ordinal);
        var (_, json) = await daemon.RunAsync("status", "-o", "json");
        using (var document = JsonDocument.Parse(json))
        {
            Assert.True(document.RootElement.GetProperty("running").GetBoolean());
            Assert.Equal(pid, document.RootElement.GetProperty("pid").GetInt32());
            Assert.Equal(daemon.Record!.Address, document.RootElement.GetProperty("address").GetString());
        }

        var (downExit, down) = await daemon.RunAsync("down");
        Assert.True(downExit == 0, down);
        Assert.Contains("tandem stopped", down, StringComparison.Ordinal);
        Assert.False(DaemonFixture.IsRunning(pid));
        var (stoppedExit, stopped) = await daemon.RunAsync("status");
        Assert.Equal(3, stoppedExit);
        Assert.Contains("tandem is not running", stopped, StringComparison.Ordinal);
        var (noneExit, none) = await daemon.RunAsync("down");
        Assert.Equal(0, noneExit);
        Assert.Contains("tandem is not running", none, StringComparison.Ordinal);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:ip")]
    public async Task Api_RefusesRequestsWithoutTheToken_OrWithAWrongOne()
    {
        await using var daemon = new DaemonFixture();
        await daemon.UpAsync();
        var address = new Uri(daemon.Record!.Address);
        var authority = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(daemon.Layout.CaCertificate));
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return certificate is not null && chain.Build(new X509Certificate2(certificate));
        };
        using var http = new HttpClient(handler) { BaseAddress = address };

        using var anonymous = await http.GetAsync(new Uri("/api/v1/namespaces/default/pods", UriKind.Relative));
        using var wrong = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/namespaces/default/pods", UriKind.Relative));
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");
        using var wrongResponse = await http.SendAsync(wrong);
        using var right = new HttpRequestMessage(HttpMethod.Get, new Uri("/version", UriKind.Relative));
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(daemon.Layout.TokenFile)).Trim());
        using var rightResponse = await http.SendAsync(right);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightResponse.StatusCode);
        Assert.Equal("127.0.0.1", address.Host);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:ip")]
    public async Task Up_OnAPortInUse_FailsNamingThePort_AndLeavesNothingRunning()
    {
        await using var daemon = new DaemonFixture();
        using var occupant = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var (exit, output) = await daemon.RunAsync("up", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--kubeconfig", daemon.KubeconfigPath);

        Assert.True(exit == 1, output);
        Assert.Contains($"port {port} on 127.0.0.1 is in use", output, StringComparison.Ordinal);
        Assert.Equal(3, (await daemon.RunAsync("status")).Exit);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:ip", "file:/bin/busybox")]
    public async Task Up_WhileTandemRunOwnsTheNode_FailsNamingIt_AndLeavesTheRunsPodAlone()
    {
        await using var daemon = new DaemonFixture();
        var manifest = Path.Combine(daemon.Root, "busy.yaml");
        await File.WriteAllTextAsync(manifest, """
            apiVersion: v1
            kind: Pod
            metadata: {name: busy}
            spec:
              terminationGracePeriodSeconds: 5
              containers:
              - name: main
                image: tandem.local/host
                command: [/bin/busybox, sh, -c, "trap 'echo main got TERM; exit 0' TERM; echo main up; while true; do busybox sleep 1 & wait $!; done"]
            """);
        using var run = Run.TandemProcess.Start(daemon.State, daemon.Prefix, "run", manifest);
        await run.WaitForLineAsync("[busy/main] main up", DaemonFixture.Patience);

        var (exit, output) = await daemon.RunAsync("up", "--port", "0", "--kubeconfig", daemon.KubeconfigPath);

        Assert.True(exit == 1, output);
        Assert.True(output.Contains($"another tandem node (pid {run.Pid})", StringComparison.Ordinal), output + "\nlog:\n" + daemon.Log());
        run.Signal(2);
        Assert.Equal(130, await run.WaitForExitAsync(DaemonFixture.Patience));
        Assert.Contains("[busy/main] main got TERM", run.Output, StringComparison.Ordinal);
        Assert.Empty(Tandem.Testing.Runtime.Leftovers.Find(daemon.RuntimeOptions));
    }
}
