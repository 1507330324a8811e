using System.Globalization;

namespace Tandem.Model.Primitives;

/// <summary>The API server's canonical text of a quantity (apimachinery <c>CanonicalizeBytes</c>).</summary>
internal static class QuantityFormatter
{
    private static readonly string[] BinarySuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    private static readonly Dictionary<int, string> DecimalSuffixes = new()
    {
        [-9] = "n", [-6] = "u", [-3] = "m", [0] = "", [3] = "k", [6] = "M", [9] = "G", [12] = "T", [15] = "P", [18] = "E",
    };

    public static string Canonical(decimal value, QuantityFormat format)
    {
        if (value == 0)
        {
            return "0";
        }
        // Binary form only for whole amounts of at least 1Ki; anything else would round, so it
        // falls back to decimal, as the API server does ("0.5Ki" becomes "512").
        if (format == QuantityFormat.BinarySI && (Math.Abs(value) < 1024 || decimal.Truncate(value) != value))
        {
            format = QuantityFormat.DecimalSI;
        }
        return format == QuantityFormat.BinarySI ? Binary(value) : Decimal(value, format);
    }

    private static string Binary(decimal value)
    {
        var amount = value;
        var exponent = 0;
        while (exponent < BinarySuffixes.Length - 1 && amount % 1024 == 0)
        {
            amount /= 1024;
            exponent++;
        }
        return amount.ToString("0", CultureInfo.InvariantCulture) + BinarySuffixes[exponent];
    }

    private static string Decimal(decimal value, QuantityFormat format)
    {
        // value = mantissa * 10^exponent with an integer mantissa free of trailing zeros ...
        var mantissa = value;
        var exponent = 0;
        while (decimal.Truncate(mantissa) != mantissa)
        {
            mantissa *= 10;
            exponent--;
        }
        while (mantissa % 10 == 0)
        {
            mantissa /= 10;
            exponent++;
        }
        // ... then the exponent lowered to a multiple of three, so an SI suffix fits.
        var extra = ((exponent % 3) + 3) % 3;
        exponent -= extra;
        mantissa *= QuantitySuffix.Pow10(extra);

        var number = mantissa.ToString("0", CultureInfo.InvariantCulture);
        if (format == QuantityFormat.DecimalSI && DecimalSuffixes.TryGetValue(exponent, out var suffix))
        {
            return number + suffix;
        }
        return exponent == 0 ? number : $"{number}e{exponent}";
    }
}
