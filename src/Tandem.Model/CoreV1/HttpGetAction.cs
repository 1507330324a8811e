using Tandem.Model.Primitives;

namespace Tandem.Model.CoreV1;

/// <summary>An HTTP GET against the container; a 2xx or 3xx answer is success.</summary>
public sealed record HttpGetAction
{
    public string? Path { get; init; }

    public IntOrString? Port { get; init; }

    public string? Host { get; init; }

    public string? Scheme { get; init; }

    public IReadOnlyList<HttpHeader>? HttpHeaders { get; init; }
}
