using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Ops;
using Augment.Core.Pipeline;
using Xunit.Abstractions;

namespace Augment.Core.Tests.Pipeline;

/// <summary>
/// Masks through the renderer (PRODUCT.md section 5): the same geometry as the image with nearest
/// sampling, never a pixel op, their dtype kept, <c>masks.fill</c> where the mapping leaves the source,
/// and no label the source mask does not hold. On coins.png and its instance mask (labels 0..24).
/// </summary>
public sealed partial class MaskRenderingTests(ITestOutputHelper output)
{
    private const int Fill = 255;
    private const int Fill16 = 60_000;
    private const int LabelScale16 = 1000; // 16-bit labels are the 8-bit ones times 1000: 0, 1000, ..., 24000
    private const int Variants = 4;

    public static TheoryData<string> SpatialOps => new(CoreSpatialOps.Concat(CropsSpatialOps).Concat(DistortionsSpatialOps).Concat(DropoutsSpatialOps).Concat(MosaicSpatialOps).Concat(CompositionsSpatialOps));

    public static TheoryData<string> AlignedPipelines => new(CoreAlignedPipelines.Concat(CropsAlignedPipelines).Concat(DistortionsAlignedPipelines).Concat(DropoutsAlignedPipelines).Concat(MosaicAlignedPipelines).Concat(CompositionsAlignedPipelines));

    private static string[] CoreSpatialOps =>
    [
        "- HorizontalFlip: { p: 1 }",
        "- VerticalFlip: { p: 1 }",
        "- Transpose: { p: 1 }",
        "- RandomRotate90: { p: 1 }",
        "- SquareSymmetry: { p: 1 }",
        "- D4: { p: 1 }",
        "- Rotate: { limit: 45, p: 1 }",
        "- Rotate: { limit: 180, interpolation: cubic, border_mode: reflect, p: 1 }",
        "- Affine: { scale: [0.7, 1.3], rotate: [-30, 30], shear: [-20, 20], translate_percent: [-0.15, 0.15], p: 1 }",
        "- Affine: { scale: [1.5, 2], translate_px: [-40, 40], interpolation: lanczos4, p: 1 }",
        "- ShiftScaleRotate: { shift_limit: 0.1, scale_limit: 0.2, rotate_limit: 30, p: 1 }",
        "- Perspective: { scale: [0.05, 0.1], p: 1 }",
        "- Perspective: { scale: [0.05, 0.1], keep_size: false, p: 1 }",
        "- ElasticTransform: { alpha: 40, sigma: 6, p: 1 }",
        "- GridDistortion: { num_steps: 5, distort_limit: 0.3, p: 1 }",
        "- RandomCrop: { height: 200, width: 150, p: 1 }",
        "- CenterCrop: { height: 250, width: 300, p: 1 }",
        "- RandomResizedCrop: { size: [160, 200], p: 1 }",
        "- Resize: { height: 150, width: 500, p: 1 }",
        "- LongestMaxSize: { max_size: 200, p: 1 }",
        "- SmallestMaxSize: { max_size: 400, interpolation: cubic, p: 1 }",
        "- PadIfNeeded: { min_height: 400, min_width: 500, position: random, p: 1 }",
        "- CoarseDropout: { num_holes_range: [2, 6], hole_height_range: [10, 40], hole_width_range: [10, 40], p: 1 }", // no fill_mask: masks untouched
        // A combined pipeline, through composition ops.
        "- HorizontalFlip: { p: 0.5 }\n- OneOf: { p: 0.8, transforms: [ Transpose, RandomRotate90, { VerticalFlip: { p: 1 } } ] }\n" +
        "- Rotate: { limit: 40, p: 0.8 }\n- SomeOf: { n: 2, transforms: [ { Affine: { scale: [0.8, 1.2] } }, { Affine: { shear: [-15, 15] } }, { Rotate: { limit: 10 } } ] }\n" +
        "- VerticalFlip: { p: 0.5 }",
        "- Rotate: { limit: 20, p: 1 }\n- ElasticTransform: { alpha: 30, sigma: 5, p: 0.7 }\n- RandomCrop: { height: 250, width: 250, p: 1 }\n" +
        "- GridDistortion: { p: 0.7 }\n- Resize: { height: 200, width: 220, p: 1 }",
    ];

    private static string[] CoreAlignedPipelines =>
    [
        "- HorizontalFlip: { p: 0.5 }\n- Rotate: { limit: 40, p: 1 }\n" +
        "- Affine: { scale: [0.8, 1.25], shear: [-15, 15], translate_percent: [-0.1, 0.1], p: 1 }\n" +
        "- Transpose: { p: 0.5 }\n- RandomRotate90: { p: 0.5 }",
        "- Perspective: { scale: [0.05, 0.1], p: 1 }\n- ElasticTransform: { alpha: 30, sigma: 5, p: 1 }\n" +
        "- GridDistortion: { p: 1 }\n- RandomResizedCrop: { size: [250, 300], scale: [0.5, 1], p: 1 }",
    ];

    [Fact]
    public void Every_spatial_op_of_the_catalogue_is_among_the_cases()
    {
        // The box-guided crops need labels to choose their window; their masks are tested with labels (BBoxSafeCropTests).
        var exempt = new[] { "BBoxSafeRandomCrop", "RandomSizedBBoxSafeCrop", "AtLeastOneBBoxRandomCrop" };
        var spatial = OpCatalog.Default.Descriptors.Where(d => d.Family == OpFamily.Spatial).Select(d => d.Name).Except(exempt);

        var cases = ((IEnumerable<object[]>)SpatialOps).Select(row => (string)row[0]).ToList();
        Assert.All(spatial, name => Assert.Contains(cases, c => c.StartsWith($"- {name}:", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(SpatialOps))]
    public void Masks_keep_dtype_hold_only_source_labels_or_the_fill_and_follow_the_geometry(string pipelineYaml)
    {
        using var image = PipelineTestKit.Load("coins.png");
        using var mask = PipelineTestKit.Load("coins_mask.png");
        var source = PipelineTestKit.Samples(mask);
        using var mask16 = PipelineTestKit.FromSamples(mask.Width, mask.Height, 16, 1, source.Select(l => l * LabelScale16).ToArray());
        var pipeline = PipelineTestKit.Pipeline(pipelineYaml);
        var allowed = source.Distinct().Append(Fill).ToHashSet();
        Assert.Equal(26, allowed.Count);

        for (var variant = 0; variant < Variants; variant++)
        {
            var records = PipelineTestKit.Sample(pipeline, image, variant: variant);
            using var result = PipelineTestKit.Render(pipeline, records, image, Fill, mask, mask16);

            var out8 = result.Masks[0];
            var out16 = result.Masks[1];
            Assert.Equal((result.Image.Width, result.Image.Height, 1, 8), (out8.Width, out8.Height, out8.Channels, out8.DepthBits));
            Assert.Equal((result.Image.Width, result.Image.Height, 1, 16), (out16.Width, out16.Height, out16.Channels, out16.DepthBits));

            var labels = PipelineTestKit.Samples(out8);
            Assert.All(labels.Distinct(), l => Assert.Contains(l, allowed));
            // The 16-bit mask went through the same geometry and kept its labels above 255 exactly.
            var labels16 = PipelineTestKit.Samples(out16);
            Assert.Equal(labels.Select(l => l == Fill ? Fill : l * LabelScale16), labels16);

            AssertFollowsGeometry(pipeline, records, source, mask.Width, mask.Height, out8);
        }
    }

    [Theory]
    [InlineData(20)]
    [InlineData(-37.5)]
    [InlineData(70)]
    public void The_fill_appears_where_the_rotation_leaves_the_source_and_a_16_bit_fill_above_255_is_kept(double angle)
    {
        using var image = PipelineTestKit.Load("coins.png");
        using var mask = PipelineTestKit.Load("coins_mask.png");
        using var mask16 = PipelineTestKit.FromSamples(mask.Width, mask.Height, 16, 1, PipelineTestKit.Samples(mask).Select(l => l * LabelScale16).ToArray());
        var text = angle.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pipeline = PipelineTestKit.Pipeline($"- Rotate: {{ limit: [{text}, {text}], p: 1 }}");

        using var result = PipelineTestKit.Render(pipeline, PipelineTestKit.Sample(pipeline, image), image, Fill16, mask16);

        var labels = PipelineTestKit.Samples(result.Masks[0]);
        var (w, h) = (mask.Width, mask.Height);
        // A turn between 0 and 90 degrees (and not one corner onto another) takes every corner outside.
        foreach (var (x, y) in new[] { (0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1) })
        {
            Assert.Equal(Fill16, labels[(y * w) + x]);
        }

        Assert.Equal(Fill16, labels.Max());
        // The centre stays inside: it keeps the source label there.
        var centre = ((h / 2) * w) + (w / 2);
        Assert.Equal(PipelineTestKit.Samples(mask16)[centre], labels[centre]);
    }

    [Fact]
    public void An_ops_fill_mask_overrides_masks_fill()
    {
        using var image = PipelineTestKit.Load("coins.png");
        using var mask = PipelineTestKit.Load("coins_mask.png");
        var pipeline = PipelineTestKit.Pipeline("- Rotate: { limit: [30, 30], fill_mask: 200, p: 1 }");

        using var result = PipelineTestKit.Render(pipeline, PipelineTestKit.Sample(pipeline, image), image, Fill, mask);

        var labels = PipelineTestKit.Samples(result.Masks[0]);
        Assert.Equal(200, labels[0]);
        Assert.DoesNotContain(Fill, labels);
    }

    [Theory]
    [MemberData(nameof(AlignedPipelines))]
    public void A_mask_derived_from_the_image_stays_aligned_with_the_augmented_image(string pipelineYaml)
    {
        // Threshold the coins image into a 0/1 mask, augment both together, threshold the augmented
        // image again and compare with the augmented mask where it is not fill. The image is resampled
        // bilinearly and the mask by nearest, so they disagree only where interpolation moves a pixel
        // across the threshold: along the boundary of the thresholded region. Measured IoU over 8
        // variants: 0.955 to 0.961 (matrices only), 0.956 to 0.962 (with displacement fields); shifting
        // the mask by 2 pixels drops it to 0.82 to 0.89. Bound: 0.93, between the two, so that a
        // misalignment of a pixel or two fails it.
        const int threshold = 110;
        const double minimumIoU = 0.93;
        using var image = PipelineTestKit.Load("coins.png");
        var pixels = PipelineTestKit.Samples(image);
        using var derived = PipelineTestKit.FromSamples(image.Width, image.Height, 8, 1, pixels.Select(v => v > threshold ? 1 : 0).ToArray());
        var pipeline = PipelineTestKit.Pipeline(pipelineYaml);

        for (var variant = 0; variant < 8; variant++)
        {
            using var result = PipelineTestKit.Render(pipeline, PipelineTestKit.Sample(pipeline, image, variant: variant), image, Fill, derived);
            var augmented = PipelineTestKit.Samples(result.Image);
            var labels = PipelineTestKit.Samples(result.Masks[0]);

            var iou = IoU(augmented, labels, threshold, shift: 0);
            var shifted = IoU(augmented, labels, threshold, shift: 2);
            output.WriteLine($"variant {variant}: IoU {iou:F3}, with the mask shifted 2 pixels {shifted:F3}");
            Assert.True(iou >= minimumIoU, $"variant {variant}: IoU {iou:F3}");
            Assert.True(shifted < minimumIoU, $"variant {variant}: even a 2-pixel shift keeps IoU {shifted:F3}, so the bound proves nothing");
        }
    }

    [Fact]
    public void A_pixel_op_changes_the_image_but_never_the_mask()
    {
        using var image = PipelineTestKit.Load("coins.png");
        using var mask = PipelineTestKit.Load("coins_mask.png");
        var pixelOnly = PipelineTestKit.Pipeline("- RandomBrightnessContrast: { brightness_limit: [0.1, 0.2], contrast_limit: [0.1, 0.3], p: 1 }");
        var spatialThenPixel = PipelineTestKit.Pipeline(
            "- Rotate: { limit: [25, 25], p: 1 }\n- RandomBrightnessContrast: { brightness_limit: [0.1, 0.2], p: 1 }\n- GaussianBlur: { p: 1 }");
        var spatialOnly = PipelineTestKit.Pipeline("- Rotate: { limit: [25, 25], p: 1 }");

        using (var result = PipelineTestKit.Render(pixelOnly, PipelineTestKit.Sample(pixelOnly, image), image, Fill, mask))
        {
            Assert.NotEqual(image.ToPackedArray(), result.Image.ToPackedArray());
            Assert.Equal(mask.ToPackedArray(), result.Masks[0].ToPackedArray());
        }

        using var withPixel = PipelineTestKit.Render(spatialThenPixel, PipelineTestKit.Sample(spatialThenPixel, image), image, Fill, mask);
        using var without = PipelineTestKit.Render(spatialOnly, PipelineTestKit.Sample(spatialOnly, image), image, Fill, mask);
        Assert.NotEqual(without.Image.ToPackedArray(), withPixel.Image.ToPackedArray());
        Assert.Equal(without.Masks[0].ToPackedArray(), withPixel.Masks[0].ToPackedArray());
    }

    // Checks the output mask against the mapping composed here from each op's Transform (for runs
    // without a displacement field): an output
    // pixel whose source point is clearly inside holds one of the labels of the 2x2 source pixels
    // around that point (nearest picks one of them); one clearly outside holds the fill. Pixels within
    // a pixel of the border are left out, where rounding decides.
    private static void AssertFollowsGeometry(IReadOnlyList<IOp> pipeline, IReadOnlyList<OpRecord> records, int[] source, int w, int h, ImageBuffer mask)
    {
        if (PipelineTestKit.HasDisplacementField(pipeline, records, new ImageInfo(w, h, 1, 8)))
        {
            return; // no matrix describes an elastic or grid distortion; the label checks above still hold
        }

        var (forward, size) = PipelineTestKit.ForwardMapping(pipeline, records, new ImageInfo(w, h, 1, 8));
        Assert.Equal(size, new ImageSize(mask.Width, mask.Height));
        var inverse = forward.Inverse();
        var labels = PipelineTestKit.Samples(mask);
        var inside = 0;
        for (var y = 0; y < mask.Height; y++)
        {
            for (var x = 0; x < mask.Width; x++)
            {
                var (sx, sy) = inverse.Apply(x, y);
                var label = labels[(y * mask.Width) + x];
                if (sx >= 0.5 && sx <= w - 1.5 && sy >= 0.5 && sy <= h - 1.5)
                {
                    var at = ((int)Math.Floor(sy) * w) + (int)Math.Floor(sx);
                    if (label != source[at] && label != source[at + 1] && label != source[at + w] && label != source[at + w + 1])
                    {
                        Assert.Fail($"output ({x}, {y}) maps to source ({sx:F2}, {sy:F2}), whose 2x2 neighbours are labelled " +
                                    $"{source[at]}/{source[at + 1]}/{source[at + w]}/{source[at + w + 1]}, but holds {label}");
                    }

                    inside++;
                }
                else if (sx < -1 || sx > w || sy < -1 || sy > h)
                {
                    if (label != Fill)
                    {
                        Assert.Fail($"output ({x}, {y}) maps outside the source to ({sx:F2}, {sy:F2}) but holds {label}, not the fill {Fill}");
                    }
                }
            }
        }

        Assert.True(inside > labels.Length / 3, $"only {inside} pixels map clearly inside the source");
    }

    private static double IoU(int[] image, int[] labels, int threshold, int shift)
    {
        int intersection = 0, union = 0;
        for (var i = shift; i < labels.Length; i++)
        {
            var label = labels[i - shift];
            if (label == Fill)
            {
                continue;
            }

            var fromImage = image[i] > threshold;
            var fromMask = label == 1;
            intersection += fromImage && fromMask ? 1 : 0;
            union += fromImage || fromMask ? 1 : 0;
        }

        return (double)intersection / union;
    }
}
