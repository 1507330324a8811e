namespace Tandem.Cli.Hosting;

/// <summary>
/// Node-facing verbs unpack images with their files' owners, mount overlays and create
/// namespaces and cgroups: all of that needs root. Saying so up front beats a failed mount
/// halfway through a pull.
/// </summary>
public static class RootRequirement
{
    /// <summary>The message for a user who is not root, or null when <paramref name="isRoot"/>.</summary>
    public static string? Problem(string verb, string stateDirectory, bool isRoot) => isRoot
        ? null
        : $"tandem {verb} needs root: it keeps images and containers in {stateDirectory}, unpacks image files with their owners and creates mounts and namespaces; run it as root (for example with sudo)";

    /// <summary>Writes the problem to <paramref name="error"/> and returns false when this process is not root.</summary>
    public static bool Check(string verb, string stateDirectory, TextWriter error)
    {
        if (Problem(verb, stateDirectory, Environment.IsPrivilegedProcess) is not { } problem)
        {
            return true;
        }
        error.WriteLine(problem);
        return false;
    }
}
