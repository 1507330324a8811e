namespace Tandem.Cli.Tests.Lint;

/// <summary>Small manifests with known findings.</summary>
internal static class Manifests
{
    /// <summary>No findings at all.</summary>
    public const string Clean = """
        apiVersion: v1
        kind: Pod
        metadata: {name: clean}
        spec:
          containers:
          - name: web
            image: nginx:1.27
        """;

    /// <summary>One warning: latest-image at 7:12.</summary>
    public const string Warning = """
        apiVersion: v1
        kind: Pod
        metadata: {name: warned}
        spec:
          containers:
          - name: web
            image: nginx
        """;

    /// <summary>One error: port-conflict at 11:22, and nothing else.</summary>
    public const string Error = """
        apiVersion: v1
        kind: Pod
        metadata: {name: clash}
        spec:
          containers:
          - name: a
            image: nginx:1.27
            ports:
            - containerPort: 80
          - name: b
            image: nginx:1.27
            ports:
            - containerPort: 80
        """;
}
