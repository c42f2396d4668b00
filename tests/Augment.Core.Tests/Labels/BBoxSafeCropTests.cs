using Augment.Core.Labels;
using Augment.Core.Ops.Spatial;
using Augment.Core.Pipeline;
using Augment.Core.Randomness;
using Augment.Core.Tests.Pipeline;

namespace Augment.Core.Tests.Labels;

/// <summary>
/// The detection-aware crops (docs/labels.md): over many items, BBoxSafeRandomCrop and
/// RandomSizedBBoxSafeCrop keep every box whole, AtLeastOneBBoxRandomCrop keeps at least one whole,
/// the boxes they see are where the ops before them moved them, and a replay of the record draws
/// nothing and needs no boxes.
/// </summary>
public sealed class BBoxSafeCropTests
{
    private static readonly BoxParams Settings = new("yolo", Clip: true);

    private static readonly BoundingBox[] Boxes = [new(20, 30, 45, 50), new(100, 60, 130, 95), new(70, 10, 80, 22)];

    private static LabelResult Render(string pipelineYaml, int variant, BoundingBox[] boxes, int width = 160, int height = 120)
    {
        var pipeline = PipelineTestKit.Pipeline(pipelineYaml);
        using var image = PipelineTestKit.Filled(width, height, 8, 1, 0);
        var labeled = boxes.Select((b, i) => new LabeledBox(i, "0", b, i + 1)).ToList();
        var records = PipelineSampler.Sample(pipeline, ItemSeed.Derive(PipelineTestKit.MasterSeed, "images/a.png", variant), Augment.Core.Imaging.ImageInfo.Of(image), boxes);
        using var result = PipelineRenderer.Render(pipeline, records, image, [], 0, new ItemLabels(labeled, [], Settings));
        return result.Labels!;
    }

    // A box kept whole: the crop's mapping moved it without cutting it (its size scales by the resize only).
    private static bool Whole(BoundingBox before, BoundingBox after, double sx = 1, double sy = 1) =>
        Math.Abs((after.Width / sx) - before.Width) < 1e-6 && Math.Abs((after.Height / sy) - before.Height) < 1e-6;

    [Fact]
    public void BBoxSafeRandomCrop_keeps_every_box_whole_and_crops_something_away()
    {
        var cropped = 0;
        for (var variant = 0; variant < 200; variant++)
        {
            var labels = Render("- BBoxSafeRandomCrop: {}", variant, Boxes);
            Assert.Equal(3, labels.Kept.Count);
            Assert.All(labels.Kept, k => Assert.True(Whole(Boxes[k.Index], k.Box), $"variant {variant}: box {k.Index} became {k.Box}"));
            cropped += labels.Kept[0].Box.XMin < Boxes[0].XMin || labels.Kept[0].Box.YMin < Boxes[0].YMin ? 1 : 0;
        }

        Assert.True(cropped > 150, $"only {cropped} of 200 crops moved the boxes");
    }

    [Fact]
    public void RandomSizedBBoxSafeCrop_keeps_every_box_whole_at_the_output_size()
    {
        for (var variant = 0; variant < 100; variant++)
        {
            var pipeline = PipelineTestKit.Pipeline("- RandomSizedBBoxSafeCrop: { height: 64, width: 64 }");
            using var image = PipelineTestKit.Filled(160, 120, 8, 1, 0);
            var records = PipelineSampler.Sample(pipeline, ItemSeed.Derive(PipelineTestKit.MasterSeed, "images/a.png", variant), Augment.Core.Imaging.ImageInfo.Of(image), Boxes);
            var region = Assert.IsType<ResizedCropParams>(Assert.Single(records).Params);
            Assert.All(Boxes, b => Assert.True(b.XMin >= region.X && b.YMin >= region.Y && b.XMax <= region.X + region.Width && b.YMax <= region.Y + region.Height, $"{region} cuts {b}"));

            var labels = Render("- RandomSizedBBoxSafeCrop: { height: 64, width: 64 }", variant, Boxes);
            Assert.Equal(3, labels.Kept.Count);
            Assert.All(labels.Kept, k => Assert.True(Whole(Boxes[k.Index], k.Box, 64.0 / region.Width, 64.0 / region.Height), $"variant {variant}: {k.Box}"));
        }
    }

    [Fact]
    public void AtLeastOneBBoxRandomCrop_keeps_one_box_whole_and_its_choice_varies()
    {
        var chosen = new HashSet<int>();
        for (var variant = 0; variant < 200; variant++)
        {
            var labels = Render("- AtLeastOneBBoxRandomCrop: { height: 48, width: 48 }", variant, Boxes);
            var whole = labels.Kept.Where(k => Whole(Boxes[k.Index], k.Box)).Select(k => k.Index).ToList();
            Assert.True(whole.Count > 0, $"variant {variant} keeps no box whole: {string.Join(", ", labels.Kept.Select(k => k.Box))}");
            chosen.UnionWith(whole);
        }

        Assert.Equal([0, 1, 2], chosen.Order());
    }

    [Fact]
    public void The_crop_sees_the_boxes_where_a_flip_before_it_moved_them()
    {
        for (var variant = 0; variant < 100; variant++)
        {
            var labels = Render("- HorizontalFlip: { p: 1 }\n- Transpose: { p: 1 }\n- BBoxSafeRandomCrop: {}", variant, Boxes);
            Assert.Equal(3, labels.Kept.Count);
            Assert.All(labels.Kept, k => Assert.True(Math.Abs(k.Box.Width - Boxes[k.Index].Height) < 1e-6 && Math.Abs(k.Box.Height - Boxes[k.Index].Width) < 1e-6, $"variant {variant}: {k.Box}"));
        }
    }

    [Fact]
    public void Without_boxes_the_crops_fall_back_to_random_crops_and_a_replay_needs_no_boxes()
    {
        var pipeline = PipelineTestKit.Pipeline("- BBoxSafeRandomCrop: { erosion_rate: 0.5 }");
        using var image = PipelineTestKit.Filled(160, 120, 8, 1, 0);
        var sizes = new HashSet<(int, int)>();
        for (var variant = 0; variant < 50; variant++)
        {
            var records = PipelineSampler.Sample(pipeline, ItemSeed.Derive(PipelineTestKit.MasterSeed, "images/a.png", variant), Augment.Core.Imaging.ImageInfo.Of(image));
            var region = Assert.IsType<ResizedCropParams>(Assert.Single(records).Params);
            Assert.InRange(region.Height, 60, 120);
            Assert.Equal((int)(region.Height * 160.0 / 120), region.Width);
            sizes.Add((region.Width, region.Height));

            using var replayed = PipelineRenderer.Render(pipeline, records, image, [], 0);
            Assert.Equal((region.Width, region.Height), (replayed.Image.Width, replayed.Image.Height));
        }

        Assert.True(sizes.Count > 10, $"only {sizes.Count} sizes in 50 fallbacks");
    }
}
