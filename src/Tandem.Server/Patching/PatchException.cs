namespace Tandem.Server.Patching;

/// <summary>
/// A patch that cannot be applied. The message is the API server's wording where known; the server answers
/// 422 for a well-formed patch that does not apply and 400 for a malformed one (<see cref="IsMalformed"/>).
/// </summary>
public sealed class PatchException(string message, bool isMalformed = false) : Exception(message)
{
    public bool IsMalformed { get; } = isMalformed;
}
