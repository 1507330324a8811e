using System.Globalization;
using System.Text.RegularExpressions;

namespace Tandem.Runtime.Runc;

/// <summary>
/// Refuses a runc without the fix for CVE-2024-21626 ("Leaky Vessels": a host directory fd leaked
/// into the container lets a working directory of /proc/self/fd/N escape). Fixed upstream in 1.1.12;
/// Debian 12 backported it to 1.1.5 as <c>1.1.5+ds1-1+deb12u1</c>.
/// </summary>
public static partial class RuncVersion
{
    /// <summary>Null when the <c>runc --version</c> output names a fixed build, else why not.</summary>
    public static string? CheckLeakyVesselsFix(string versionOutput)
    {
        var version = Version().Match(versionOutput);
        if (!version.Success)
        {
            return $"cannot read the runc version from \"{versionOutput.Trim()}\"";
        }
        var upstream = new Version(
            int.Parse(version.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(version.Groups[2].Value, CultureInfo.InvariantCulture),
            int.Parse(version.Groups[3].Value, CultureInfo.InvariantCulture));
        if (upstream >= new Version(1, 1, 12))
        {
            return null;
        }
        var debian = DebianSecurityUpdate().Match(versionOutput);
        if (upstream == new Version(1, 1, 5) && debian.Success && int.Parse(debian.Groups[1].Value, CultureInfo.InvariantCulture) >= 1)
        {
            return null;
        }
        return $"runc {upstream} lacks the fix for CVE-2024-21626 (container escape through a leaked fd); install runc 1.1.12 or later, or Debian's 1.1.5+ds1-1+deb12u1";
    }

    [GeneratedRegex(@"runc version (\d+)\.(\d+)\.(\d+)")]
    private static partial Regex Version();

    [GeneratedRegex(@"1\.1\.5\+ds1-1\+deb12u(\d+)")]
    private static partial Regex DebianSecurityUpdate();
}
