using System.Text;
using Tandem.Cli.Daemon;
using YamlDotNet.RepresentationModel;

namespace Tandem.Cli.Tests.Daemon;

public sealed class KubeconfigMergeTests : IDisposable
{
    private const string Existing = """
        apiVersion: v1
        kind: Config
        preferences:
          colors: true
        clusters:
        - name: prod
          cluster:
            server: https://prod.example:6443
            certificate-authority-data: UFJPRA==
          x-custom-cluster-field: keep me
        users:
        - name: admin
          user:
            client-certificate-data: Q0VSVA==
            client-key-data: S0VZ
        contexts:
        - name: prod
          context:
            cluster: prod
            user: admin
            namespace: "0123"
        current-context: prod
        extensions:
        - name: my-extension
          extension:
            anything: [1, 2, 3]
        x-unknown-top-level: 42
        """;

    private static readonly KubeconfigEntry Entry = new("https://127.0.0.1:6443", "-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----\n", "secret-token");

    private readonly string _directory = Directory.CreateTempSubdirectory("tandem-kubeconfig-").FullName;

    [Fact]
    public void Merge_AddsTheTandemEntries_AndMakesTandemCurrent_KeepingEveryOtherEntryAndField()
    {
        var (text, previous) = KubeconfigMerge.Merge(Existing, Entry);

        Assert.Equal("prod", previous);
        var root = Load(text);
        Assert.Equal("tandem", Scalar(root, "current-context"));
        Assert.Equal("https://prod.example:6443", Scalar(Named(root, "clusters", "prod"), "cluster", "server"));
        Assert.Equal("keep me", Scalar(Named(root, "clusters", "prod"), "x-custom-cluster-field"));
        Assert.Equal("Q0VSVA==", Scalar(Named(root, "users", "admin"), "user", "client-certificate-data"));
        Assert.Equal("0123", Scalar(Named(root, "contexts", "prod"), "context", "namespace"));
        Assert.Contains("namespace: \"0123\"", text, StringComparison.Ordinal);
        Assert.Equal("true", Scalar(root, "preferences", "colors"));
        Assert.Equal("42", Scalar(root, "x-unknown-top-level"));
        Assert.Equal("my-extension", Scalar((YamlMappingNode)((YamlSequenceNode)root.Children["extensions"]).Children[0], "name"));
        Assert.Equal(Entry.Server, Scalar(Named(root, "clusters", "tandem"), "cluster", "server"));
        Assert.Equal(Entry.CaPem, Encoding.UTF8.GetString(Convert.FromBase64String(Scalar(Named(root, "clusters", "tandem"), "cluster", "certificate-authority-data"))));
        Assert.Equal("secret-token", Scalar(Named(root, "users", "tandem"), "user", "token"));
        Assert.Equal("default", Scalar(Named(root, "contexts", "tandem"), "context", "namespace"));
    }

    [Fact]
    public void Merge_Twice_ReplacesTheTandemEntriesInPlace_WithoutDuplicates_AndKeepsTheirExtraFields()
    {
        var (once, _) = KubeconfigMerge.Merge(Existing, Entry);
        var withExtension = once.Replace("    server: https://127.0.0.1:6443", "    server: https://127.0.0.1:6443\n    proxy-url: socks5://127.0.0.1:1080", StringComparison.Ordinal);

        var (twice, previous) = KubeconfigMerge.Merge(withExtension, Entry with { Server = "https://127.0.0.1:7443", Token = "new-token" });

        Assert.Equal("tandem", previous);
        var root = Load(twice);
        Assert.Single(((YamlSequenceNode)root.Children["clusters"]).Children, c => Scalar((YamlMappingNode)c, "name") == "tandem");
        Assert.Single(((YamlSequenceNode)root.Children["users"]).Children, c => Scalar((YamlMappingNode)c, "name") == "tandem");
        Assert.Equal("https://127.0.0.1:7443", Scalar(Named(root, "clusters", "tandem"), "cluster", "server"));
        Assert.Equal("socks5://127.0.0.1:1080", Scalar(Named(root, "clusters", "tandem"), "cluster", "proxy-url"));
        Assert.Equal("new-token", Scalar(Named(root, "users", "tandem"), "user", "token"));
        Assert.Equal(2, ((YamlSequenceNode)root.Children["clusters"]).Children.Count);
        Assert.Equal(2, ((YamlSequenceNode)root.Children["contexts"]).Children.Count);
    }

    [Fact]
    public void Apply_CreatesAMissingFileOwnerOnly_AndKeepsTheModeOfAnExistingOne()
    {
        var created = Path.Combine(_directory, "new", "config");
        KubeconfigMerge.Apply(created, Entry);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(created));

        var existing = Path.Combine(_directory, "existing");
        File.WriteAllText(existing, Existing);
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(existing, mode);
        var previous = KubeconfigMerge.Apply(existing, Entry);

        Assert.Equal("prod", previous);
        Assert.Equal(mode, File.GetUnixFileMode(existing));
        Assert.Equal("tandem", KubeconfigMerge.CurrentContext(existing));
        Assert.Empty(Directory.EnumerateFiles(_directory, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Apply_ToAFileThatIsNotYaml_FailsNamingTheProblem_AndLeavesTheFileAlone()
    {
        var broken = Path.Combine(_directory, "broken");
        File.WriteAllText(broken, "clusters: [unclosed\n");

        var error = Assert.Throws<InvalidOperationException>(() => KubeconfigMerge.Apply(broken, Entry));

        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.Equal("clusters: [unclosed\n", File.ReadAllText(broken));
    }

    [Fact]
    public void Locate_PrefersTheFlag_ThenTheFirstKubeconfigFile_ThenHome()
    {
        var environment = new Dictionary<string, string> { ["KUBECONFIG"] = "/a/one:/b/two", ["HOME"] = "/home/u" };

        Assert.Equal("/x/y", KubeconfigMerge.Locate("/x/y", environment.GetValueOrDefault));
        Assert.Equal("/a/one", KubeconfigMerge.Locate(null, environment.GetValueOrDefault));
        Assert.Equal("/home/u/.kube/config", KubeconfigMerge.Locate(null, n => n == "HOME" ? "/home/u" : null));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Named(YamlMappingNode root, string list, string name) =>
        ((YamlSequenceNode)root.Children[list]).Children.OfType<YamlMappingNode>().Single(e => Scalar(e, "name") == name);

    private static string Scalar(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            current = ((YamlMappingNode)current).Children[new YamlScalarNode(key)];
        }
        return ((YamlScalarNode)current).Value!;
    }
}
