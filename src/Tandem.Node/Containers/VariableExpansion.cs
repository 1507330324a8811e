using System.Text;

namespace Tandem.Node.Containers;

/// <summary>
/// Kubernetes' <c>$(VAR)</c> expansion (k8s.io/kubernetes third_party expansion): a reference
/// to a defined variable is replaced by its value, <c>$$</c> is a literal <c>$</c>, and a
/// reference to an undefined variable, or any other <c>$</c>, stays as written.
/// </summary>
public static class VariableExpansion
{
    public static string Expand(string input, Func<string, string?> lookup)
    {
        if (!input.Contains('$', StringComparison.Ordinal))
        {
            return input;
        }
        var output = new StringBuilder(input.Length);
        var i = 0;
        while (i < input.Length)
        {
            if (input[i] != '$' || i + 1 >= input.Length)
            {
                output.Append(input[i++]);
                continue;
            }
            var next = input[i + 1];
            if (next == '$')
            {
                output.Append('$');
                i += 2;
                continue;
            }
            if (next == '(')
            {
                var close = input.IndexOf(')', i + 2);
                if (close > i + 2)
                {
                    var name = input[(i + 2)..close];
                    output.Append(lookup(name) ?? input[i..(close + 1)]);
                    i = close + 1;
                    continue;
                }
            }
            output.Append('$');
            i++;
        }
        return output.ToString();
    }
}
