namespace Tandem.Server.Patching.Apply;

/// <summary>
/// A field another manager owns with a different value. <see cref="Manager"/> is printed as the API server's
/// <c>printManager</c> does: <c>"kubectl-client-side-apply" using v1</c> for an Update entry, <c>"kubectl"</c> for Apply.
/// </summary>
public sealed record ApplyConflict(string Manager, string Field)
{
    /// <summary>The <c>details.causes[].message</c> of the 409.</summary>
    public string Message => $"conflict with {Manager}";
}
