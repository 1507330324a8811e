namespace Tandem.Sidecars.LogShipper.Configuration;

/// <summary>Drops or keeps events whose field matches a regex; filters apply in order.</summary>
public sealed record FilterConfig
{
    /// <summary><c>message</c>, <c>source</c>, <c>stream</c>, or any parsed or added field.</summary>
    public string Field { get; init; } = "message";

    public string Match { get; init; } = "";

    public FilterAction Action { get; init; } = FilterAction.Drop;
}
