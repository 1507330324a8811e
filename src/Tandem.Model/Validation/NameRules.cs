using System.Globalization;
using System.Text.RegularExpressions;

namespace Tandem.Model.Validation;

/// <summary>
/// The string formats of the Kubernetes API (apimachinery <c>pkg/util/validation/validation.go</c>):
/// each check returns the API server's messages, empty when the value is valid.
/// </summary>
public static partial class NameRules
{
    public const int Dns1123LabelMaxLength = 63;
    public const int Dns1123SubdomainMaxLength = 253;
    public const int QualifiedNameMaxLength = 63;
    public const int LabelValueMaxLength = 63;

    private const string Dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123SubdomainFormat = Dns1123LabelFormat + "(\\." + Dns1123LabelFormat + ")*";
    private const string QualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string LabelValueFormat = "(" + QualifiedNameFormat + ")?";
    private const string CIdentifierFormat = "[A-Za-z_][A-Za-z0-9_]*";
    private const string EnvVarNameFormat = "[-._a-zA-Z][-._a-zA-Z0-9]*";
    private const string ConfigMapKeyFormat = "[-._a-zA-Z0-9]+";
    private const string HttpHeaderNameFormat = "[-A-Za-z0-9]+";

    private const string Dns1123LabelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
    private const string Dns1123SubdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    private const string QualifiedNameMessage = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string LabelValueMessage = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string CIdentifierMessage = "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'";
    private const string EnvVarNameMessage = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";
    private const string RelaxedEnvVarNameMessage = "a valid environment variable name must consist only of printable ASCII characters other than '='";
    private const string ConfigMapKeyMessage = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
    private const string HttpHeaderNameMessage = "a valid HTTP header must consist of alphanumeric characters or '-'";

    /// <summary>apimachinery <c>EmptyError</c>.</summary>
    public const string EmptyMessage = "must be non-empty";

    /// <summary>apimachinery <c>IsDNS1123Label</c>: names of containers, volumes, namespaces, ports of services.</summary>
    public static IReadOnlyList<string> Dns1123Label(string value)
    {
        var errors = new List<string>();
        if (value.Length > Dns1123LabelMaxLength)
        {
            errors.Add(MaxLength(Dns1123LabelMaxLength));
        }
        if (!Dns1123LabelRegex().IsMatch(value))
        {
            // A valid subdomain of allowed length that is not a label can only be wrong because of its dots.
            errors.Add(Dns1123SubdomainRegex().IsMatch(value)
                ? "must not contain dots"
                : RegexMessage(Dns1123LabelMessage, Dns1123LabelFormat, "my-name", "123-abc"));
        }
        return errors;
    }

    /// <summary>apimachinery <c>IsDNS1123Subdomain</c>: names of pods, config maps, secrets.</summary>
    public static IReadOnlyList<string> Dns1123Subdomain(string value)
    {
        var errors = new List<string>();
        if (value.Length > Dns1123SubdomainMaxLength)
        {
            errors.Add(MaxLength(Dns1123SubdomainMaxLength));
        }
        if (!Dns1123SubdomainRegex().IsMatch(value))
        {
            errors.Add(RegexMessage(Dns1123SubdomainMessage, Dns1123SubdomainFormat, "example.com"));
        }
        return errors;
    }

    /// <summary>apimachinery <c>NameIsDNSSubdomain</c>: a generateName prefix may end in '-'.</summary>
    public static IReadOnlyList<string> NameIsDnsSubdomain(string name, bool prefix) =>
        Dns1123Subdomain(prefix ? MaskTrailingDash(name) : name);

    /// <summary>apimachinery <c>NameIsDNSLabel</c> (namespace names).</summary>
    public static IReadOnlyList<string> NameIsDnsLabel(string name, bool prefix) =>
        Dns1123Label(prefix ? MaskTrailingDash(name) : name);

    /// <summary>apimachinery <c>IsQualifiedName</c>: label keys, annotation keys, finalizers: <c>[prefix/]name</c>.</summary>
    public static IReadOnlyList<string> QualifiedName(string value)
    {
        var errors = new List<string>();
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                name = parts[1];
                if (parts[0].Length == 0)
                {
                    errors.Add("prefix part " + EmptyMessage);
                }
                else
                {
                    errors.AddRange(Dns1123Subdomain(parts[0]).Select(message => "prefix part " + message));
                }
                break;
            default:
                errors.Add("a qualified name " + RegexMessage(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
                return errors;
        }
        if (name.Length == 0)
        {
            errors.Add("name part " + EmptyMessage);
        }
        else if (name.Length > QualifiedNameMaxLength)
        {
            errors.Add("name part " + MaxLength(QualifiedNameMaxLength));
        }
        if (!QualifiedNameRegex().IsMatch(name))
        {
            errors.Add("name part " + RegexMessage(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc"));
        }
        return errors;
    }

    /// <summary>apimachinery <c>IsValidLabelValue</c>.</summary>
    public static IReadOnlyList<string> LabelValue(string value)
    {
        var errors = new List<string>();
        if (value.Length > LabelValueMaxLength)
        {
            errors.Add(MaxLength(LabelValueMaxLength));
        }
        if (!LabelValueRegex().IsMatch(value))
        {
            errors.Add(RegexMessage(LabelValueMessage, LabelValueFormat, "MyValue", "my_value", "12345"));
        }
        return errors;
    }

    /// <summary>apimachinery <c>IsCIdentifier</c>.</summary>
    public static IReadOnlyList<string> CIdentifier(string value) =>
        CIdentifierRegex().IsMatch(value) ? [] : [RegexMessage(CIdentifierMessage, CIdentifierFormat, "my_name", "MY_NAME", "MyName")];

    /// <summary>apimachinery <c>IsValidPortNum</c>.</summary>
    public static IReadOnlyList<string> PortNumber(long port) => port is >= 1 and <= 65535 ? [] : [InclusiveRange(1, 65535)];

    /// <summary>apimachinery <c>IsValidPortName</c>: an IANA_SVC_NAME (RFC 6335), lower case only.</summary>
    public static IReadOnlyList<string> PortName(string port)
    {
        var errors = new List<string>();
        if (port.Length > 15)
        {
            errors.Add(MaxLength(15));
        }
        if (!PortNameCharsetRegex().IsMatch(port))
        {
            errors.Add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (!port.Any(char.IsAsciiLetterLower))
        {
            errors.Add("must contain at least one letter (a-z)");
        }
        if (port.Contains("--", StringComparison.Ordinal))
        {
            errors.Add("must not contain consecutive hyphens");
        }
        if (port.Length > 0 && (port[0] == '-' || port[^1] == '-'))
        {
            errors.Add("must not begin or end with a hyphen");
        }
        return errors;
    }

    /// <summary>apimachinery <c>IsEnvVarName</c> (the strict rule, before RelaxedEnvironmentVariableValidation).</summary>
    public static IReadOnlyList<string> EnvVarName(string value)
    {
        var errors = new List<string>();
        if (!EnvVarNameRegex().IsMatch(value))
        {
            errors.Add(RegexMessage(EnvVarNameMessage, EnvVarNameFormat, "my.env-name", "MY_ENV.NAME", "MyEnvName1"));
        }
        errors.AddRange(ChangeDirectoryPrefix(value));
        return errors;
    }

    /// <summary>apimachinery <c>IsRelaxedEnvVarName</c>: printable ASCII except '=' (default on since 1.32).</summary>
    public static IReadOnlyList<string> RelaxedEnvVarName(string value)
    {
        var errors = new List<string>();
        if (value.Length == 0)
        {
            errors.Add("environment variable name " + EmptyMessage);
        }
        if (value.Any(c => c is < ' ' or > '~' or '='))
        {
            errors.Add(RelaxedEnvVarNameMessage);
        }
        return errors;
    }

    /// <summary>apimachinery <c>IsConfigMapKey</c>: keys of config maps and secrets.</summary>
    public static IReadOnlyList<string> ConfigMapKey(string value)
    {
        var errors = new List<string>();
        if (value.Length > Dns1123SubdomainMaxLength)
        {
            errors.Add(MaxLength(Dns1123SubdomainMaxLength));
        }
        if (!ConfigMapKeyRegex().IsMatch(value))
        {
            errors.Add(RegexMessage(ConfigMapKeyMessage, ConfigMapKeyFormat, "key.name", "KEY_NAME", "key-name"));
        }
        errors.AddRange(ChangeDirectoryPrefix(value));
        return errors;
    }

    /// <summary>apimachinery <c>IsHTTPHeaderName</c>.</summary>
    public static IReadOnlyList<string> HttpHeaderName(string value) =>
        HttpHeaderNameRegex().IsMatch(value) ? [] : [RegexMessage(HttpHeaderNameMessage, HttpHeaderNameFormat, "X-Header-Name")];

    /// <summary>apimachinery <c>InclusiveRangeError</c>.</summary>
    public static string InclusiveRange(long low, long high) =>
        string.Create(CultureInfo.InvariantCulture, $"must be between {low} and {high}, inclusive");

    /// <summary>apimachinery <c>MaxLenError</c>.</summary>
    public static string MaxLength(int length) =>
        string.Create(CultureInfo.InvariantCulture, $"must be no more than {length} characters");

    /// <summary>apimachinery <c>RegexError</c>: the message, examples and the regex, in the API server's punctuation.</summary>
    public static string RegexMessage(string message, string format, params string[] examples)
    {
        if (examples.Length == 0)
        {
            return $"{message} (regex used for validation is '{format}')";
        }
        var quoted = string.Join(" or ", examples.Select(example => $"'{example}', "));
        return $"{message} (e.g. {quoted}regex used for validation is '{format}')";
    }

    /// <summary>apimachinery <c>hasChDirPrefix</c>.</summary>
    private static IEnumerable<string> ChangeDirectoryPrefix(string value)
    {
        if (value == ".")
        {
            yield return "must not be '.'";
        }
        else if (value == "..")
        {
            yield return "must not be '..'";
        }
        else if (value.StartsWith("..", StringComparison.Ordinal))
        {
            yield return "must not start with '..'";
        }
    }

    /// <summary>apimachinery <c>maskTrailingDash</c>: a generateName prefix may end with '-'.</summary>
    private static string MaskTrailingDash(string name) =>
        name.Length > 1 && name[^1] == '-' ? name[..^2] + "a" : name;

    [GeneratedRegex("^" + Dns1123LabelFormat + "\\z")]
    private static partial Regex Dns1123LabelRegex();

    [GeneratedRegex("^" + Dns1123SubdomainFormat + "\\z")]
    private static partial Regex Dns1123SubdomainRegex();

    [GeneratedRegex("^" + QualifiedNameFormat + "\\z")]
    private static partial Regex QualifiedNameRegex();

    [GeneratedRegex("^" + LabelValueFormat + "\\z")]
    private static partial Regex LabelValueRegex();

    [GeneratedRegex("^" + CIdentifierFormat + "\\z")]
    private static partial Regex CIdentifierRegex();

    [GeneratedRegex("^" + EnvVarNameFormat + "\\z")]
    private static partial Regex EnvVarNameRegex();

    [GeneratedRegex("^" + ConfigMapKeyFormat + "\\z")]
    private static partial Regex ConfigMapKeyRegex();

    [GeneratedRegex("^" + HttpHeaderNameFormat + "\\z")]
    private static partial Regex HttpHeaderNameRegex();

    [GeneratedRegex("^[-a-z0-9]+\\z")]
    private static partial Regex PortNameCharsetRegex();
}
