using System.Globalization;

namespace Tandem.Cli.Images;

/// <summary>Sizes for people, in the decimal units and three significant digits that <c>docker images</c> and <c>crictl images</c> print (<c>2.15MB</c>).</summary>
public static class ByteSize
{
    private static readonly string[] Units = ["B", "kB", "MB", "GB", "TB", "PB"];

    public static string Format(long bytes)
    {
        double value = Math.Max(bytes, 0);
        var unit = 0;
        while (value >= 1000 && unit < Units.Length - 1)
        {
            value /= 1000;
            unit++;
        }
        if (unit == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{value:0}{Units[0]}");
        }
        // Three significant digits: 2.15MB, 21.5MB, 215MB.
        var format = value >= 100 ? "0" : value >= 10 ? "0.#" : "0.##";
        return value.ToString(format, CultureInfo.InvariantCulture) + Units[unit];
    }
}
