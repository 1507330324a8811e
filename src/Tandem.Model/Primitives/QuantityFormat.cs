namespace Tandem.Model.Primitives;

/// <summary>How a quantity was written, which decides how it is written back (as the API server does).</summary>
public enum QuantityFormat
{
    /// <summary>Powers of ten with SI suffixes: <c>500m</c>, <c>2k</c>, <c>1G</c>; also plain numbers.</summary>
    DecimalSI,

    /// <summary>Powers of 1024: <c>64Ki</c>, <c>1Gi</c>.</summary>
    BinarySI,

    /// <summary>Scientific notation: <c>1e3</c>, <c>12E-3</c>.</summary>
    DecimalExponent,
}
