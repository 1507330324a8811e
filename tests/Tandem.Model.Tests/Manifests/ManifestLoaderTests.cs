using Tandem.Model.CoreV1;
using Tandem.Model.Manifests;

namespace Tandem.Model.Tests.Manifests;

public sealed class ManifestLoaderTests
{
    [Fact]
    public void Load_MultiDocumentFile_GivesEveryObjectDefaulted()
    {
        var manifest = ManifestLoader.Load("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {a: b}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: token}
            stringData: {t: x}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - name: main
                image: busybox:1.36
            """, "pods.yaml");

        Assert.True(manifest.IsValid, string.Join("\n", manifest.Problems));
        Assert.Equal(["ConfigMap/settings", "Secret/token", "Pod/web"], manifest.Objects.Select(o => o.DisplayName));
        var pod = (Pod)manifest.Objects[2].Defaulted;
        Assert.Equal("Always", pod.Spec!.RestartPolicy);
        Assert.Null(((Pod)manifest.Objects[2].Written).Spec!.RestartPolicy);
        Assert.Equal("Opaque", ((Secret)manifest.Objects[1].Defaulted).Type);
    }

    [Fact]
    public void Load_UnknownField_IsAProblemAtItsPosition()
    {
        var manifest = ManifestLoader.Load("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: main
                image: busybox
                imagePullPolicyy: Always
            """, "web.yaml");

        var problem = Assert.Single(manifest.Problems);
        Assert.Equal("web.yaml:9:5", problem.Location.ToString());
        Assert.Equal("Pod/web: unknown field \"spec.containers[0].imagePullPolicyy\"", problem.Message);
        Assert.Empty(manifest.Objects);
    }

    [Fact]
    public void Load_WrongTypeInSecondDocument_PointsIntoThatDocument()
    {
        var manifest = ManifestLoader.Load("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: ok}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - name: main
                image: busybox
                ports:
                - containerPort: "80"
            """, "two.yaml");

        var problem = Assert.Single(manifest.Problems);
        Assert.Equal("two.yaml:13:22", problem.Location.ToString());
        Assert.Single(manifest.Objects);
    }

    [Fact]
    public void Load_UnreadableYaml_IsOneProblemAndMarksTheFileUnreadable()
    {
        var manifest = ManifestLoader.Load("apiVersion: v1\nkind: [unclosed\n", "bad.yaml");

        Assert.True(manifest.Unreadable);
        Assert.StartsWith("bad.yaml:", Assert.Single(manifest.Problems).ToString());
    }
}
