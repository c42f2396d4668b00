using System.Text.RegularExpressions;

namespace Augment.Core.OpenCv;

/// <summary>
/// Shortens OpenCV's messages for users: its long form names a source file of OpenCV's build
/// machine ("OpenCV(4.6.0) ./modules/imgcodecs/src/bitstrm.cpp:102: error: (-2:Unspecified error)
/// Unexpected end of input stream in function 'readBlock'"), which says nothing to them.
/// </summary>
internal static partial class NativeMessage
{
    public static string Clean(string message)
    {
        var text = LongForm().Replace(message, m => $"{m.Groups["text"].Value} (in {m.Groups["function"].Value})");
        return DecoderPrefix().Replace(text, string.Empty).Trim();
    }

    [GeneratedRegex(@"OpenCV\([^)]*\) \S+:\d+: error: \([^)]*\) (?<text>.*?) in function '(?<function>[^']*)'")]
    private static partial Regex LongForm();

    [GeneratedRegex(@"im(?:decode|read)_\('[^']*'\): ")]
    private static partial Regex DecoderPrefix();
}
