using Tandem.Model.Validation;

namespace Tandem.Model.Lint.Heuristics;

/// <summary>One piece of text a container is configured with, and where it is written.</summary>
/// <param name="Text">The string.</param>
/// <param name="Path">Its field path.</param>
/// <param name="Label">How a person would name it: <c>command</c>, <c>args</c>, <c>env HTTP_PROXY</c>.</param>
public sealed record ContainerText(string Text, FieldPath Path, string Label)
{
    /// <summary>The command, args and literal env values of a container, in that order.</summary>
    public static IReadOnlyList<ContainerText> Of(PodContainer container)
    {
        var texts = new List<ContainerText>();
        Add(texts, container.Container.Command, container.Path.Child("command"), "command");
        Add(texts, container.Container.Args, container.Path.Child("args"), "args");
        var env = container.Container.Env ?? [];
        for (var i = 0; i < env.Count; i++)
        {
            if (env[i].Value is { Length: > 0 } value)
            {
                texts.Add(new ContainerText(value, container.Path.Child("env").Index(i).Child("value"), $"env {env[i].Name}"));
            }
        }
        return texts;
    }

    /// <summary>The command line as one string (command then args), for pattern matching.</summary>
    public static string CommandLine(PodContainer container) =>
        string.Join(' ', (container.Container.Command ?? []).Concat(container.Container.Args ?? []));

    private static void Add(List<ContainerText> texts, IReadOnlyList<string>? items, FieldPath path, string label)
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            texts.Add(new ContainerText(items![i], path.Index(i), label));
        }
    }
}
