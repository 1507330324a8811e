namespace Tandem.Testing;

/// <summary>
/// What a test needs from the machine (root, a command on PATH, a file). Without it a developer
/// sees a skip that names the reason; under <c>CI=true</c> the same test runs and fails with it,
/// because CI machines must have everything and a silent pass would hide a broken install step.
/// </summary>
/// <remarks>Requirements are strings: <c>root</c>, <c>cmd:NAME</c> (on PATH), <c>file:PATH</c>.</remarks>
public static class Prerequisites
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first missing requirement as a sentence, or null when all are met.</summary>
    public static string? FindMissing(params string[] requirements)
    {
        foreach (var requirement in requirements)
        {
            var missing = Check(requirement);
            if (missing is not null)
            {
                return missing;
            }
        }
        return null;
    }

    /// <summary>Fails the test with the reason when a requirement is missing.</summary>
    public static void Require(params string[] requirements)
    {
        var missing = FindMissing(requirements);
        if (missing is not null)
        {
            throw new InvalidOperationException($"prerequisite missing: {missing} (run ./test.sh as root, which installs it)");
        }
    }

    /// <summary>The absolute path of a command on PATH, or null.</summary>
    public static string? FindCommand(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(["/usr/sbin", "/sbin"]))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static string? Check(string requirement)
    {
        if (requirement == "root")
        {
            return Environment.UserName == "root" || geteuid() == 0 ? null : "needs root";
        }
        if (requirement.StartsWith("cmd:", StringComparison.Ordinal))
        {
            var name = requirement["cmd:".Length..];
            return FindCommand(name) is null ? $"needs the command '{name}' on PATH" : null;
        }
        if (requirement.StartsWith("file:", StringComparison.Ordinal))
        {
            var file = requirement["file:".Length..];
            return File.Exists(file) || Directory.Exists(file) ? null : $"needs {file}";
        }
        throw new ArgumentException($"unknown prerequisite '{requirement}'", nameof(requirement));
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();
}
