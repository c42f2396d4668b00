using System.Collections.Concurrent;
using Augment.Core.Imaging;
using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Imaging;

/// <summary>
/// Decoding and encoding from many threads at once gives the bytes one thread gives: the adapter keeps
/// no shared state, and the codecs' outputs do not depend on the thread count (PRODUCT.md: byte-identical
/// results whatever the thread count).
/// </summary>
public sealed class ConcurrentCodecTests
{
    private const int Threads = 8;
    private const int Repetitions = 4;

    private static readonly string[] Samples =
    [
        "astronaut.png", "chelsea.png", "coffee.png", "rocket.jpg", "coins.png", "cell.png", "horse.png",
        "coins_mask.png", "cell_mask.png",
    ];

    private static readonly EncodeSettings[] Encodings =
    [
        new(ImageFormat.Png), new(ImageFormat.Jpeg), new(ImageFormat.WebP), new(ImageFormat.Tiff),
    ];

    [Fact]
    public void Eight_threads_decode_and_encode_exactly_what_one_thread_does()
    {
        var jobs = (from sample in Samples from settings in Encodings select (sample, settings)).ToArray();
        var expected = jobs.Select(job => Run(job.sample, job.settings)).ToArray();
        // PNG and TIFF take all 9 samples, JPEG all but horse (alpha), WebP the 5 colour ones.
        Assert.Equal(9 + 9 + 8 + 5, expected.Count(result => result.Encoded is not null));

        var mismatches = new ConcurrentBag<string>();
        Parallel.For(0, jobs.Length * Repetitions, new ParallelOptions { MaxDegreeOfParallelism = Threads }, i =>
        {
            var (sample, settings) = jobs[i % jobs.Length];
            var actual = Run(sample, settings);
            var reference = expected[i % jobs.Length];
            if (!actual.Pixels.AsSpan().SequenceEqual(reference.Pixels))
            {
                mismatches.Add($"{sample}: decoded pixels differ");
            }

            if (!actual.Encoded.AsSpan().SequenceEqual(reference.Encoded))
            {
                mismatches.Add($"{sample} as {settings.Format}: encoded bytes differ");
            }
        });

        Assert.Empty(mismatches);
    }

    // Encoded is null when the format cannot hold the sample's shape (WebP gray, JPEG with alpha).
    private static (byte[] Pixels, byte[]? Encoded) Run(string sample, EncodeSettings settings)
    {
        using var image = ImageCodec.DecodeFile(SampleImages.PathOf(sample));
        var encoded = settings.Unsupported(image.DepthBits, image.Channels) is null
            ? ImageCodec.Encode(image, settings, sample)
            : null;
        return (image.ToPackedArray(), encoded);
    }
}
