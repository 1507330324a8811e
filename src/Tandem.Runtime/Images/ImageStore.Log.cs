using Microsoft.Extensions.Logging;

namespace Tandem.Runtime.Images;

public sealed partial class ImageStore
{
    /// <summary>The image store's log lines, with stable event ids (100s).</summary>
    private static partial class Log
    {
        [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Stored image {Image} as {ImageId} ({SizeBytes} bytes)")]
        public static partial void Stored(ILogger logger, string image, string imageId, long sizeBytes);

        [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Removed image {Image}")]
        public static partial void Removed(ILogger logger, string image);
    }
}
