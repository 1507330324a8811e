namespace Tandem.Server.Http;

/// <summary>What a client asks for in <c>Accept</c>: a Table (<c>as=Table</c>) or aggregated discovery, v2 or v2beta1.</summary>
internal static class AcceptHeader
{
    public static bool WantsTable(string? accept) =>
        accept is not null && accept.Contains("as=Table", StringComparison.Ordinal);

    /// <summary>
    /// "v2", "v2beta1" or null (legacy). client-go decides the format from the response Content-Type alone, and 1.27 to
    /// 1.29 only understand v2beta1 (spec 3.2): answer v2 only to a client that listed it.
    /// </summary>
    public static string? DiscoveryVersion(string? accept)
    {
        if (accept is null || !accept.Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal))
        {
            return null;
        }
        foreach (var range in accept.Split(','))
        {
            if (!range.Contains("g=apidiscovery.k8s.io", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var parameter in range.Split(';'))
            {
                switch (parameter.Trim())
                {
                    case "v=v2":
                        return "v2";
                    case "v=v2beta1":
                        return "v2beta1";
                    default:
                        break;
                }
            }
        }
        return null;
    }
}
