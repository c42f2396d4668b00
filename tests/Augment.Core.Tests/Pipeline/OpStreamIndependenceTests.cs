using Augment.Core.Imaging;
using Augment.Core.Pipeline;
using Augment.Core.Randomness;

namespace Augment.Core.Tests.Pipeline;

/// <summary>
/// Worked examples of "editing op k's parameters leaves every other op's sampled parameters unchanged"
/// (the property itself is in <see cref="ReproducibilityPropertyTests"/>): each op draws from the stream
/// of its own position, so only op k's record changes.
/// </summary>
public sealed class OpStreamIndependenceTests
{
    private static readonly ImageInfo Info = new(384, 303, 1, 8);

    private static readonly string[] Base =
    [
        "- HorizontalFlip: { p: 0.5 }",
        "- Rotate: { limit: [-30, 30], p: 1 }",
        "- Affine: { scale: [0.9, 1.1], rotate: [-10, 10], translate_percent: [-0.1, 0.1], p: 1 }",
        "- GaussianBlur: { sigma_limit: [0.5, 3], p: 1 }",
        "- OneOf: { p: 1, transforms: [ { Rotate: { limit: 10 } }, { RandomBrightnessContrast: { brightness_limit: 0.2 } } ] }",
        "- RandomBrightnessContrast: { p: 1 }",
    ];

    [Theory]
    [InlineData(1, "- Rotate: { limit: [50, 80], p: 1 }")]
    [InlineData(3, "- GaussianBlur: { sigma_limit: [4, 9], p: 1 }")]
    [InlineData(3, "- GaussianBlur: { blur_limit: [9, 21], sigma_limit: [0.5, 3], p: 1 }")]
    [InlineData(2, "- Affine: { scale: [1.5, 2], shear: [5, 10], p: 1 }")]
    [InlineData(4, "- OneOf: { p: 1, transforms: [ { Rotate: { limit: [40, 50] } }, { RandomBrightnessContrast: { brightness_limit: 0.6 } } ] }")]
    public void Only_the_edited_ops_record_changes(int k, string replacement)
    {
        var edited = Base.ToArray();
        edited[k] = replacement;
        var original = PipelineTestKit.Pipeline(string.Join('\n', Base));
        var changed = PipelineTestKit.Pipeline(string.Join('\n', edited));
        var opChanged = false;

        for (var variant = 0; variant < 20; variant++)
        {
            var seed = ItemSeed.Derive(PipelineTestKit.MasterSeed, "images/coins.png", variant);
            var before = PipelineSampler.Sample(original, seed, Info);
            var after = PipelineSampler.Sample(changed, seed, Info);

            Assert.Equal(Others(before, k), Others(after, k));
            opChanged |= !Own(before, k).SequenceEqual(Own(after, k));
        }

        Assert.True(opChanged, "the edit changed nothing, so it tested nothing");
    }

    [Fact]
    public void Appending_an_op_changes_no_earlier_record()
    {
        var original = PipelineTestKit.Pipeline(string.Join('\n', Base));
        var longer = PipelineTestKit.Pipeline(string.Join('\n', Base.Append("- GaussianBlur: { p: 1 }").Append("- Rotate: { limit: 90, p: 0.5 }")));

        for (var variant = 0; variant < 20; variant++)
        {
            var seed = ItemSeed.Derive(PipelineTestKit.MasterSeed, "images/coins.png", variant);
            var before = PipelineSampler.Sample(original, seed, Info);
            var after = PipelineSampler.Sample(longer, seed, Info);

            Assert.Equal(before, after.Take(before.Count));
        }
    }

    [Fact]
    public void Inserting_an_op_changes_no_record_before_it()
    {
        // Ops after the insertion move to a new position, which is their stream's identity
        // (docs/randomness.md), so their draws change by design; the ops before it keep theirs.
        const int at = 3;
        var original = PipelineTestKit.Pipeline(string.Join('\n', Base));
        var inserted = PipelineTestKit.Pipeline(string.Join('\n', Base.Take(at).Append("- VerticalFlip: { p: 0.5 }").Concat(Base.Skip(at))));

        for (var variant = 0; variant < 20; variant++)
        {
            var seed = ItemSeed.Derive(PipelineTestKit.MasterSeed, "images/coins.png", variant);
            var before = PipelineSampler.Sample(original, seed, Info).Where(r => Top(r) < at);
            var after = PipelineSampler.Sample(inserted, seed, Info).Where(r => Top(r) < at);

            Assert.Equal(before, after);
        }
    }

    private static int Top(OpRecord record) => int.Parse(record.Path.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);

    private static List<OpRecord> Others(IEnumerable<OpRecord> records, int k) => records.Where(r => Top(r) != k).ToList();

    private static List<OpRecord> Own(IEnumerable<OpRecord> records, int k) => records.Where(r => Top(r) == k).ToList();
}
