namespace Tandem.Sidecars.LogShipper.Configuration;

public enum ParseType
{
    None,
    Json,
    Regex,
}
