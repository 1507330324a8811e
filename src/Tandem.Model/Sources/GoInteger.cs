namespace Tandem.Model.Sources;

/// <summary>
/// Go's <c>strconv.ParseInt(s, 0, 64)</c>, which go-yaml uses for plain scalars: an optional
/// sign, then <c>0x</c> hex, <c>0b</c> binary, <c>0o</c> or a leading <c>0</c> octal, or decimal.
/// </summary>
internal static class GoInteger
{
    /// <summary>
    /// Parses <paramref name="text"/> (underscores already removed). When it is a valid unsigned
    /// number that does not fit a long, returns false and sets <paramref name="tooLarge"/> to its
    /// value as a double when it fits 64 unsigned bits (Go's <c>ParseUint</c> fallback).
    /// </summary>
    public static bool TryParse(string text, out long value, out double? tooLarge)
    {
        value = 0;
        tooLarge = null;
        var span = text.AsSpan();
        var negative = false;
        var signed = span.Length > 0 && span[0] is '+' or '-';
        if (signed)
        {
            negative = span[0] == '-';
            span = span[1..];
        }
        var radix = SplitRadix(span, out var digits);
        if (digits.IsEmpty || !TryAccumulate(digits, radix, out var magnitude))
        {
            return false;
        }
        var limit = negative ? (UInt128)long.MaxValue + 1 : long.MaxValue;
        if (magnitude <= limit)
        {
            value = !negative ? (long)magnitude
                : magnitude == limit ? long.MinValue
                : -(long)magnitude;
            return true;
        }
        // ParseUint allows no sign at all, so "+18446744073709551615" stays for the float rule.
        if (!signed && magnitude <= ulong.MaxValue)
        {
            tooLarge = (double)(ulong)magnitude;
        }
        return false;
    }

    private static int SplitRadix(ReadOnlySpan<char> span, out ReadOnlySpan<char> digits)
    {
        var radix = span.Length < 2 || span[0] != '0' ? 10
            : span[1] is 'x' or 'X' ? 16
            : span[1] is 'b' or 'B' ? 2
            : 8;
        var prefix = radix == 10 ? 0 : span[1] is 'x' or 'X' or 'b' or 'B' or 'o' or 'O' ? 2 : 1;
        digits = span[prefix..];
        return radix;
    }

    // Stops past 2^64 so that absurdly long digit strings cost nothing more.
    private static bool TryAccumulate(ReadOnlySpan<char> digits, int radix, out UInt128 magnitude)
    {
        magnitude = 0;
        foreach (var c in digits)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => int.MaxValue,
            };
            if (digit >= radix)
            {
                return false;
            }
            magnitude = magnitude * (uint)radix + (uint)digit;
            if (magnitude > ulong.MaxValue)
            {
                magnitude = (UInt128)ulong.MaxValue + 1;
                return ValidRest(digits, radix);
            }
        }
        return true;
    }

    private static bool ValidRest(ReadOnlySpan<char> digits, int radix)
    {
        foreach (var c in digits)
        {
            var ok = radix switch
            {
                16 => char.IsAsciiHexDigit(c),
                10 => char.IsAsciiDigit(c),
                8 => c is >= '0' and <= '7',
                _ => c is '0' or '1',
            };
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }
}
