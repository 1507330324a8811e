using Tandem.Cli.Api;

namespace Tandem.Cli.Commands.Client;

/// <summary>What a client verb works with: the API client, the namespace in effect, the console and the clock.</summary>
public sealed class ClientContext(KubeClient client, string @namespace, bool namespaceFromFlag, TextWriter output, TextWriter error, TimeProvider time) : IDisposable
{
    public KubeClient Client { get; } = client;

    public string Namespace { get; } = @namespace;

    /// <summary>True when <c>-n</c> was given: a manifest's own namespace must then agree with it (kubectl's rule).</summary>
    public bool NamespaceFromFlag { get; } = namespaceFromFlag;

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public TimeProvider Time { get; } = time;

    public void Dispose() => Client.Dispose();
}
