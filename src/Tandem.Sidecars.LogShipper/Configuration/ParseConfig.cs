namespace Tandem.Sidecars.LogShipper.Configuration;

/// <summary>Turns a line into fields: JSON objects, or a regex with named groups.</summary>
public sealed record ParseConfig
{
    public ParseType Type { get; init; } = ParseType.None;

    /// <summary>For <see cref="ParseType.Regex"/>: a .NET regex with named groups, each becoming a field.</summary>
    public string? Pattern { get; init; }

    /// <summary>The field holding the event time; when absent or unparsable the read time is used.</summary>
    public string? TimestampField { get; init; }

    /// <summary><c>rfc3339</c> (default), <c>unix</c>, <c>unixMs</c>, or a .NET custom format such as <c>dd/MMM/yyyy:HH:mm:ss zzz</c>.</summary>
    public string TimestampFormat { get; init; } = "rfc3339";
}
