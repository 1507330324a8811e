using System.Collections;
using System.Runtime.InteropServices;
using System.Text;

namespace Tandem.Sidecars.Admin;

/// <summary>
/// Runtime settings for a long-running sidecar that .NET only reads from the environment at
/// process start: the GC sizes gen0 before any managed code runs, and the socket engine reads its
/// completion mode once. A sidecar command calls <see cref="ApplyByReexec"/> first thing; when a
/// setting is missing the process replaces itself (<c>execve</c> of <c>/proc/self/exe</c>, same PID,
/// same arguments) with the settings added, so the kubelet, signals and <c>/proc</c> see one process.
/// A value the user set is never overridden; <c>TANDEM_SIDECAR_RUNTIME=default</c> turns this off.
/// docs/sidecars/proxy.md ("Running it") gives the measurements behind each value.
/// </summary>
public static partial class SidecarRuntime
{
    /// <summary>Set on the re-executed process so it does not re-execute again; also the user's opt-out.</summary>
    public const string MarkerVariable = "TANDEM_SIDECAR_RUNTIME";

    /// <summary>
    /// What every sidecar gets: no PGO instrumentation phase, so hot paths reach optimized code
    /// within seconds instead of running instrumented for a minute under load. Settings that help
    /// one sidecar and hurt another (a small gen0 budget, no background GC: docs/benchmarks.md) are
    /// added by that sidecar only.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Common { get; } = new Dictionary<string, string>
    {
        ["DOTNET_TieredPGO"] = "0",
    };

    /// <summary>
    /// The environment the tuned process should start with, or null when the current one is already
    /// right (tuned before, opted out, or nothing to add). Pure, for tests.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? TunedEnvironment(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string> settings)
    {
        if (current.ContainsKey(MarkerVariable))
        {
            return null;
        }
        var missing = settings.Where(s => !current.ContainsKey(s.Key)).ToList();
        if (missing.Count == 0)
        {
            return null;
        }
        var tuned = new Dictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var (name, value) in missing)
        {
            tuned[name] = value;
        }
        tuned[MarkerVariable] = "tuned";
        return tuned;
    }

    /// <summary>
    /// Re-executes this process with <paramref name="settings"/> added to its environment when any is
    /// missing. Returns only when no re-exec was needed or it failed (then the process goes on with
    /// the runtime's defaults, which work, just bigger and slower).
    /// </summary>
    public static void ApplyByReexec(IReadOnlyDictionary<string, string> settings, TextWriter errors)
    {
        var current = Environment.GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
        if (TunedEnvironment(current, settings) is not { } tuned || !OperatingSystem.IsLinux())
        {
            return;
        }
        string[] arguments;
        try
        {
            // The exact argv this process started with ("dotnet tandem.dll ship ..." or "tandem ship ..."),
            // which Environment.GetCommandLineArgs does not give back for the muxer.
            arguments = File.ReadAllText("/proc/self/cmdline").TrimEnd('\0').Split('\0');
        }
        catch (IOException)
        {
            return;
        }
        var result = Exec("/proc/self/exe", arguments, tuned.Select(v => $"{v.Key}={v.Value}"));
        errors.WriteLine($"tandem: could not re-execute with the sidecar runtime settings (errno {result}); going on with the defaults");
    }

    private static int Exec(string path, IEnumerable<string> arguments, IEnumerable<string> environment)
    {
        var argv = ToNativeArray(arguments);
        var envp = ToNativeArray(environment);
        try
        {
            _ = execve(path, argv, envp);
            return Marshal.GetLastPInvokeError();
        }
        finally
        {
            Free(argv);
            Free(envp);
        }
    }

    /// <summary>A null-terminated array of NUL-terminated UTF-8 strings, as execve takes them.</summary>
    private static nint[] ToNativeArray(IEnumerable<string> values)
    {
        var strings = values.ToList();
        var native = new nint[strings.Count + 1];
        for (var i = 0; i < strings.Count; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(strings[i] + "\0");
            native[i] = Marshal.AllocHGlobal(bytes.Length);
            Marshal.Copy(bytes, 0, native[i], bytes.Length);
        }
        return native;
    }

    private static void Free(nint[] native)
    {
        foreach (var pointer in native)
        {
            if (pointer != 0)
            {
                Marshal.FreeHGlobal(pointer);
            }
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int execve(string path, nint[] argv, nint[] envp);
}
