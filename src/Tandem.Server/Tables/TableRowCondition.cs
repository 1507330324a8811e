namespace Tandem.Server.Tables;

/// <summary>A TableRowCondition; printers mark finished pods <c>Completed</c> so clients can dim them.</summary>
public sealed record TableRowCondition(string Type, string Status, string Reason, string Message);
