namespace Tandem.Sidecars.Proxy.Auth;

/// <summary>The result of checking a request against its route's rules, as a value (the hot path does not throw).</summary>
internal readonly record struct AuthOutcome(AuthStatus Status, CallerIdentity? Identity, string? Reason)
{
    public static AuthOutcome Anonymous { get; } = new(AuthStatus.Allowed, null, null);

    public static AuthOutcome Allowed(CallerIdentity identity) => new(AuthStatus.Allowed, identity, null);

    public static AuthOutcome Unauthenticated(string reason) => new(AuthStatus.Unauthenticated, null, reason);

    public static AuthOutcome Forbidden(string reason) => new(AuthStatus.Forbidden, null, reason);

    public static AuthOutcome MethodNotAllowed(string reason) => new(AuthStatus.MethodNotAllowed, null, reason);
}
