namespace Tandem.Runtime.Runc;

/// <summary>Signal names as images write them (<c>SIGQUIT</c>, <c>QUIT</c>, <c>3</c>) to numbers on Linux x86-64.</summary>
internal static class Signals
{
    public const int Kill = 9;
    public const int Term = 15;

    private static readonly Dictionary<string, int> Numbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HUP"] = 1, ["INT"] = 2, ["QUIT"] = 3, ["ILL"] = 4, ["TRAP"] = 5, ["ABRT"] = 6, ["BUS"] = 7, ["FPE"] = 8,
        ["KILL"] = 9, ["USR1"] = 10, ["SEGV"] = 11, ["USR2"] = 12, ["PIPE"] = 13, ["ALRM"] = 14, ["TERM"] = 15,
        ["STKFLT"] = 16, ["CHLD"] = 17, ["CONT"] = 18, ["STOP"] = 19, ["TSTP"] = 20, ["TTIN"] = 21, ["TTOU"] = 22,
        ["URG"] = 23, ["XCPU"] = 24, ["XFSZ"] = 25, ["VTALRM"] = 26, ["PROF"] = 27, ["WINCH"] = 28, ["IO"] = 29,
        ["PWR"] = 30, ["SYS"] = 31,
    };

    public static int Parse(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return Term;
        }
        if (int.TryParse(name, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        var bare = name.StartsWith("SIG", StringComparison.OrdinalIgnoreCase) ? name[3..] : name;
        return Numbers.TryGetValue(bare, out var value) ? value : Term;
    }
}
