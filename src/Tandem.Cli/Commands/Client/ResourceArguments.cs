using Tandem.Cli.Api;

namespace Tandem.Cli.Commands.Client;

/// <summary>
/// The resource arguments of <c>get</c>, <c>delete</c>, <c>describe</c> and <c>wait</c> in kubectl's forms:
/// <c>pods</c>, <c>pod web other</c>, or <c>pod/web pod/other</c>.
/// </summary>
public sealed record ResourceArguments(ResourceType Type, IReadOnlyList<string> Names)
{
    public static ResourceArguments Parse(IReadOnlyList<string> args, ResourceType? defaultType = null)
    {
        if (args.Count == 0)
        {
            return defaultType is not null
                ? new ResourceArguments(defaultType, [])
                : throw new ClientUsageException("you must specify the type of resource to get, e.g. 'pods'");
        }
        if (args[0].Contains('/'))
        {
            ResourceType? type = null;
            var names = new List<string>();
            foreach (var arg in args)
            {
                var slash = arg.IndexOf('/');
                if (slash <= 0)
                {
                    throw new ClientUsageException($"there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'tandem get pod/web' instead of 'tandem get pod web')");
                }
                var found = Lookup(arg[..slash]);
                if (type is not null && found != type)
                {
                    throw new ClientUsageException("all resources must be of the same type here, e.g. 'pod/a pod/b'");
                }
                type = found;
                names.Add(arg[(slash + 1)..]);
            }
            return new ResourceArguments(type!, names);
        }
        return new ResourceArguments(Lookup(args[0]), [.. args.Skip(1)]);
    }

    private static ResourceType Lookup(string name) =>
        ResourceType.Find(name) ?? throw new ClientUsageException($"the server doesn't have a resource type \"{name}\"");
}
