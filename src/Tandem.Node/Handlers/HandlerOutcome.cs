namespace Tandem.Node.Handlers;

/// <summary>The result of one handler run and what it said, capped at 10 KiB as the kubelet's prober does.</summary>
public sealed record HandlerOutcome(HandlerResult Result, string Output)
{
    public const int MaxOutputBytes = 10 * 1024;

    public static HandlerOutcome Success(string output = "") => new(HandlerResult.Success, Cap(output));

    public static HandlerOutcome Failure(string output) => new(HandlerResult.Failure, Cap(output));

    public static HandlerOutcome Error(string output) => new(HandlerResult.Error, Cap(output));

    private static string Cap(string text) => text.Length <= MaxOutputBytes ? text : text[..MaxOutputBytes];
}
