namespace Tandem.Runtime;

/// <summary>A runtime call failed; the message says what and what to do, for people.</summary>
public sealed class RuntimeException(RuntimeErrorCode code, string message, Exception? inner = null) : Exception(message, inner)
{
    public RuntimeErrorCode Code { get; } = code;
}
