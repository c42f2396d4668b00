using Augment.Core.Platform;

namespace Augment.Core.Tests.Platform;

/// <summary>Which native stderr lines the engine keeps off the terminal: the codec libraries' reports on damaged data, nothing else.</summary>
public sealed class NativeStderrTests
{
    [Theory]
    [InlineData("libpng error: bad adaptive filter value")]
    [InlineData("libpng error: IDAT: invalid distance too far back")]
    [InlineData("libpng warning: iCCP: known incorrect sRGB profile")]
    [InlineData("Corrupt JPEG data: premature end of data segment")]
    [InlineData("Corrupt JPEG data: 12 extraneous bytes before marker 0xd9")]
    [InlineData("Premature end of JPEG file")]
    [InlineData("Invalid SOS parameters for sequential JPEG")]
    [InlineData("TIFFReadDirectory: Warning, Unknown field with tag 50838 (0xc696) encountered.")]
    public void Codec_messages_are_recognised(string line) => Assert.True(NativeStderr.IsCodecMessage(line), line);

    [Theory]
    [InlineData("Unhandled exception. System.InvalidOperationException: boom")]
    [InlineData("OPENCV: Trying to disable unknown CPU feature: 'X'.")]
    [InlineData("error: images/a.png: corrupt PNG: OpenCV could not decode the data")]
    [InlineData("  libpng error: indented is not libpng's own line")]
    [InlineData("")]
    public void Other_lines_are_not(string line) => Assert.False(NativeStderr.IsCodecMessage(line), line);
}
