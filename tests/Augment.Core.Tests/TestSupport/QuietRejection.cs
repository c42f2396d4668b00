using Augment.Core.Imaging;

namespace Augment.Core.Tests.TestSupport;

internal static class QuietRejection
{
    /// <summary>
    /// Decodes the file at <paramref name="path"/> with its stderr captured, and asserts that it is
    /// refused with an <see cref="InvalidImageException"/> that names the file, and that nothing
    /// reached fd 2. Call only from a test in the <see cref="StderrCollection"/>.
    /// </summary>
    public static InvalidImageException AssertDecodeRefused(string path, ImageLimits? limits = null)
    {
        InvalidImageException? refusal = null;
        var stderr = StderrCapture.Run(() =>
            refusal = Assert.Throws<InvalidImageException>(() => ImageCodec.DecodeFile(path, limits).Dispose()));

        Assert.NotNull(refusal);
        Assert.Equal(path, refusal.FilePath);
        Assert.StartsWith(path + ": ", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr);
        return refusal;
    }
}
