namespace Tandem.Acceptance.Support;

/// <summary>One line of <c>/shared/log</c>: "&lt;epoch-s&gt; &lt;Name&gt; &lt;Event&gt;".</summary>
public sealed record SharedLogLine(DateTimeOffset At, string Name, string Event);
