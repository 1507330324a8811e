using System.Runtime.InteropServices;

namespace Tandem.Cli.Tests.Images;

/// <summary>
/// Undoes what opening a <c>RuncRuntime</c> in the test host does (PR_SET_CHILD_SUBREAPER), so that
/// orphans of other tests' SIGKILLed processes go to init, which reaps them, rather than to the
/// test host, which does not.
/// </summary>
internal static class ChildSubreaper
{
    private const int PrSetChildSubreaper = 36;

    public static void Clear() => _ = prctl(PrSetChildSubreaper, 0, 0, 0, 0);

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code in this project; these arguments are blittable.
    private static extern int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);
#pragma warning restore SYSLIB1054
}
