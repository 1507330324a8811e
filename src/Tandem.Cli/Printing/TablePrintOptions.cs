namespace Tandem.Cli.Printing;

/// <summary>How <see cref="TablePrinter"/> shapes a table: <c>-o wide</c>, <c>-A</c>, <c>--show-labels</c>, <c>--no-headers</c>.</summary>
public sealed record TablePrintOptions(bool Wide = false, bool WithNamespace = false, bool ShowLabels = false, bool NoHeaders = false);
