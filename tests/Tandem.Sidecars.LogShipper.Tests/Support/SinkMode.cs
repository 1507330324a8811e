namespace Tandem.Sidecars.LogShipper.Tests.Support;

public enum SinkMode
{
    Accept,
    Fail500,
    Fail429,
}
