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
        var (radix, digits) = SplitRadix(span);
        if (digits.IsEmpty || !TryAccumulate(digits, radix, out var magnitude))
        {
            return false;
        }
        var limit = negative ? (UInt128)long.MaxValue + 1 : long.MaxValue;
        if (magnitude <= limit)
        {
            value = negative ? (long)(0 - magnitude) : (long)magnitude;
            return true;
        }
        // ParseUint allows no sign at all, so "+18446744073709551615" stays for the float rule.
        if (!signed && magnitude <= ulong.MaxValue)
        {
            tooLarge = (double)(ulong)magnitude;
        }
        return false;
    }

    private static (int Radix, ReadOnlySpan<char> Digits) SplitRadix(ReadOnlySpan<char> span)
    {
        if (span.Length >= 2 && span[0] == '0')
        {
            switch (span[1])
            {
                case 'x' or 'X':
                    return (16, span[2..]);
                case 'b' or 'B':
                    return (2, span[2..]);
                case 'o' or 'O':
                    return (8, span[2..]);
                default:
                    return (8, span[1..]);
            }
        }
        return (10, span);
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
