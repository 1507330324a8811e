namespace Tandem.Server.Tables;

/// <summary>A <c>meta.k8s.io/v1</c> TableColumnDefinition. kubectl hides columns of priority above 0 unless <c>-o wide</c>.</summary>
public sealed record TableColumn(string Name, string Type, string Format, string Description, int Priority)
{
    public static TableColumn Text(string name, string description, int priority = 0) => new(name, "string", "", description, priority);

    public static TableColumn Integer(string name, string description, int priority = 0) => new(name, "integer", "", description, priority);
}
