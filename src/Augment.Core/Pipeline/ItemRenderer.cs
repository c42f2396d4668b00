using Augment.Core.Config;
using Augment.Core.Diagnostics;
using Augment.Core.Imaging;
using Augment.Core.Labels;
using Augment.Core.Randomness;

namespace Augment.Core.Pipeline;

/// <summary>Samples and renders one (source item, variant) of a config; or replays a record.</summary>
public static class ItemRenderer
{
    /// <param name="itemPath">The source image's path relative to the config, with forward slashes.</param>
    public static (ItemRecord Record, RenderResult Result) Render(
        AugmentConfig config, string itemPath, int variant, ImageBuffer image, IReadOnlyList<ImageBuffer> masks, ItemLabels? labels = null)
    {
        CheckMasks(image, masks);
        var seed = ItemSeed.Derive(config.Seed, itemPath, variant);
        IReadOnlyList<OpRecord> ops;
        using (BuildProfile.Measure("render.sample"))
        {
            ops = PipelineSampler.Sample(config.Pipeline, seed, ImageInfo.Of(image), labels?.Boxes.Select(b => b.Box).ToList());
        }

        var result = PipelineRenderer.Render(config.Pipeline, ops, image, masks, config.MaskFill, labels);
        return (new ItemRecord(seed.Hex, ops, result.Passes), result);
    }

    /// <summary>Renders from a record alone: no random number is drawn.</summary>
    public static RenderResult Replay(AugmentConfig config, ItemRecord record, ImageBuffer image, IReadOnlyList<ImageBuffer> masks, ItemLabels? labels = null)
    {
        CheckMasks(image, masks);
        return PipelineRenderer.Render(config.Pipeline, record.Ops, image, masks, config.MaskFill, labels);
    }

    private static void CheckMasks(ImageBuffer image, IReadOnlyList<ImageBuffer> masks)
    {
        foreach (var mask in masks)
        {
            if (mask.Width != image.Width || mask.Height != image.Height)
            {
                throw new ArgumentException($"a {mask.Width}x{mask.Height} mask does not match its {image.Width}x{image.Height} image");
            }

            if (mask.Channels != 1)
            {
                throw new ArgumentException($"a mask has one channel of labels, not {mask.Channels}");
            }
        }
    }
}
