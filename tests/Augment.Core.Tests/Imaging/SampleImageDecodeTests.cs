using Augment.Core.Imaging;
using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Imaging;

/// <summary>Every sample image decodes to the shape sample-dataset/README.md states.</summary>
public sealed class SampleImageDecodeTests
{
    // README: "size" is width x height; RGB decodes to 3 channels (BGR), RGBA to 4, gray to 1.
    public static TheoryData<string, int, int, int> StatedShapes { get; } = new()
    {
        { "astronaut.png", 512, 512, 3 },
        { "chelsea.png", 451, 300, 3 },
        { "coffee.png", 600, 400, 3 },
        { "rocket.jpg", 640, 427, 3 },
        { "coins.png", 384, 303, 1 },
        { "cell.png", 550, 660, 1 },
        { "horse.png", 400, 328, 4 },
        { "coins_mask.png", 384, 303, 1 },
        { "cell_mask.png", 550, 660, 1 },
    };

    [Theory]
    [MemberData(nameof(StatedShapes))]
    public void Sample_decodes_to_its_stated_shape(string sample, int width, int height, int channels)
    {
        using var image = ImageCodec.DecodeFile(SampleImages.PathOf(sample));

        Assert.Equal((width, height, channels, 8), (image.Width, image.Height, image.Channels, image.DepthBits));
    }

    [Fact]
    public void Every_image_in_the_sample_folder_has_a_stated_shape()
    {
        var stated = StatedShapes.Select(row => (string)row[0]).Order(StringComparer.Ordinal);
        var present = SampleImages.Names
            .Where(name => ImageFormats.FromExtension(name) is not null)
            .Order(StringComparer.Ordinal);

        Assert.Equal(present, stated);
    }

    [Theory]
    [InlineData("coins.png", "coins_mask.png")]
    [InlineData("cell.png", "cell_mask.png")]
    public void Mask_has_the_size_of_its_image(string sample, string mask)
    {
        using var image = ImageCodec.DecodeFile(SampleImages.PathOf(sample));
        using var labels = ImageCodec.DecodeFile(SampleImages.PathOf(mask));

        Assert.Equal((image.Width, image.Height), (labels.Width, labels.Height));
    }

    [Fact]
    public void Coins_mask_holds_exactly_the_labels_0_to_24()
    {
        using var mask = ImageCodec.DecodeFile(SampleImages.PathOf("coins_mask.png"));
        var labels = mask.ToPackedArray().Distinct().Order().ToArray();

        // 0 is the background and 1..24 one label per coin; any other value would not be a label.
        Assert.Equal(Enumerable.Range(0, 25).Select(label => (byte)label), labels);
    }

    [Fact]
    public void Cell_mask_is_binary()
    {
        using var mask = ImageCodec.DecodeFile(SampleImages.PathOf("cell_mask.png"));

        Assert.Equal(new byte[] { 0, 1 }, mask.ToPackedArray().Distinct().Order().ToArray());
    }
}
