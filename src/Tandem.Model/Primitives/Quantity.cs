using System.Globalization;
using System.Text.Json.Serialization;

namespace Tandem.Model.Primitives;

/// <summary>
/// A Kubernetes resource quantity (<c>500m</c>, <c>1Gi</c>, <c>1e3</c>) with the API server's
/// parsing and canonical form: <c>0.5</c> is written <c>500m</c>, <c>1.5Gi</c> <c>1536Mi</c>,
/// <c>1000</c> <c>1k</c>. Values are exact to one nano-unit; finer values round away from zero,
/// as apimachinery's <c>resource.Quantity</c> does.
/// </summary>
[JsonConverter(typeof(QuantityJsonConverter))]
public readonly struct Quantity : IEquatable<Quantity>, IComparable<Quantity>
{
    /// <summary>The message the API server gives for a quantity it cannot read.</summary>
    public const string FormatError =
        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    private const decimal Nano = 0.000000001m;

    public Quantity(decimal value, QuantityFormat format)
    {
        Value = RoundToNano(value);
        Format = format;
    }

    /// <summary>The amount in base units (cores, bytes).</summary>
    public decimal Value { get; }

    public QuantityFormat Format { get; }

    public bool IsZero => Value == 0;

    public static Quantity Parse(string text) =>
        TryParse(text, out var quantity, out var error) ? quantity : throw new FormatException(error);

    public static bool TryParse(string? text, out Quantity quantity) => TryParse(text, out quantity, out _);

    public static bool TryParse(string? text, out Quantity quantity, out string error)
    {
        quantity = default;
        error = FormatError;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var end = ScanNumber(text);
        if (end < 0)
        {
            return false;
        }
        var numberText = text[..end];
        var suffix = text[end..];
        if (!QuantitySuffix.TryParse(suffix, out var multiplier, out var format, out var suffixError))
        {
            error = suffixError;
            return false;
        }
        try
        {
            var number = decimal.Parse(numberText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            quantity = new Quantity(number * multiplier, format);
            return true;
        }
        catch (OverflowException)
        {
            error = "quantity is too large";
            return false;
        }
    }

    public static Quantity FromInteger(long value, QuantityFormat format = QuantityFormat.DecimalSI) => new(value, format);

    public int CompareTo(Quantity other) => Value.CompareTo(other.Value);

    /// <summary>Quantities are equal when their amounts are: <c>1Gi</c> equals <c>1024Mi</c>.</summary>
    public bool Equals(Quantity other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is Quantity other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    public static bool operator ==(Quantity left, Quantity right) => left.Equals(right);

    public static bool operator !=(Quantity left, Quantity right) => !left.Equals(right);

    public static bool operator <(Quantity left, Quantity right) => left.Value < right.Value;

    public static bool operator >(Quantity left, Quantity right) => left.Value > right.Value;

    public static bool operator <=(Quantity left, Quantity right) => left.Value <= right.Value;

    public static bool operator >=(Quantity left, Quantity right) => left.Value >= right.Value;

    /// <summary>The canonical text, as the API server returns it.</summary>
    public override string ToString() => QuantityFormatter.Canonical(Value, Format);

    /// <summary>The length of the leading <c>[+-]?[0-9]*(\.[0-9]*)?</c> with at least one digit, or -1.</summary>
    private static int ScanNumber(string text)
    {
        var i = 0;
        if (text[0] is '+' or '-')
        {
            i++;
        }
        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
            digits++;
        }
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                digits++;
            }
        }
        return digits == 0 ? -1 : i;
    }

    private static decimal RoundToNano(decimal value)
    {
        var nanos = value / Nano;
        var whole = decimal.Truncate(nanos);
        if (whole == nanos)
        {
            return value;
        }
        // apimachinery rounds sub-nano precision away from zero ("0.1n" is "1n").
        return (whole + Math.Sign(value)) * Nano;
    }
}
