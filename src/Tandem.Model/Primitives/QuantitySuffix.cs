namespace Tandem.Model.Primitives;

/// <summary>Reads the suffix of a quantity: its multiplier and the format it implies.</summary>
internal static class QuantitySuffix
{
    private static readonly Dictionary<string, (decimal Multiplier, QuantityFormat Format)> Known = new(StringComparer.Ordinal)
    {
        [""] = (1m, QuantityFormat.DecimalSI),
        ["n"] = (0.000000001m, QuantityFormat.DecimalSI),
        ["u"] = (0.000001m, QuantityFormat.DecimalSI),
        ["m"] = (0.001m, QuantityFormat.DecimalSI),
        ["k"] = (1_000m, QuantityFormat.DecimalSI),
        ["M"] = (1_000_000m, QuantityFormat.DecimalSI),
        ["G"] = (1_000_000_000m, QuantityFormat.DecimalSI),
        ["T"] = (1_000_000_000_000m, QuantityFormat.DecimalSI),
        ["P"] = (1_000_000_000_000_000m, QuantityFormat.DecimalSI),
        ["E"] = (1_000_000_000_000_000_000m, QuantityFormat.DecimalSI),
        ["Ki"] = (1024m, QuantityFormat.BinarySI),
        ["Mi"] = (1024m * 1024, QuantityFormat.BinarySI),
        ["Gi"] = (1024m * 1024 * 1024, QuantityFormat.BinarySI),
        ["Ti"] = (1024m * 1024 * 1024 * 1024, QuantityFormat.BinarySI),
        ["Pi"] = (1024m * 1024 * 1024 * 1024 * 1024, QuantityFormat.BinarySI),
        ["Ei"] = (1024m * 1024 * 1024 * 1024 * 1024 * 1024, QuantityFormat.BinarySI),
    };

    public static bool TryParse(string suffix, out decimal multiplier, out QuantityFormat format, out string error)
    {
        error = "";
        if (Known.TryGetValue(suffix, out var known))
        {
            (multiplier, format) = known;
            return true;
        }
        multiplier = 0;
        format = QuantityFormat.DecimalExponent;
        // "e3", "E-6": a power of ten. "E" alone is exa, handled above.
        if (suffix.Length > 1 && suffix[0] is 'e' or 'E'
            && int.TryParse(suffix.AsSpan(1), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var exponent))
        {
            if (exponent is < -27 or > 27)
            {
                error = "quantity exponent is out of range";
                return false;
            }
            multiplier = Pow10(exponent);
            return true;
        }
        error = suffix.All(c => "eEinumkKMGTP+-0123456789".Contains(c)) ? "unable to parse quantity's suffix" : Quantity.FormatError;
        return false;
    }

    public static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result = exponent > 0 ? result * 10 : result / 10;
        }
        return result;
    }
}
