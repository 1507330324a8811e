namespace Tandem.Sidecars.LogShipper.Configuration;

public enum Compression
{
    None,
    Gzip,
}
