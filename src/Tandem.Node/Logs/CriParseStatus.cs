namespace Tandem.Node.Logs;

/// <summary>Why a line is not a CRI log record; <see cref="Ok"/> when it is.</summary>
public enum CriParseStatus
{
    Ok,
    /// <summary>The first field is not an RFC 3339 time with a zone (<c>2026-01-02T03:04:05.123456789Z</c>).</summary>
    BadTimestamp,
    /// <summary>The second field is neither <c>stdout</c> nor <c>stderr</c>.</summary>
    BadStream,
    /// <summary>The third field (<c>P</c> or <c>F</c>, optionally followed by <c>:</c> and more tags) or the space after it is missing.</summary>
    BadTag,
}
