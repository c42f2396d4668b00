using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Tests.Pipeline;
using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Geometry;

/// <summary>
/// The fused run itself: which resampling choices a run makes, when it is the identity, and how a
/// displacement field (elastic and grid distortions, being added) composes with the matrices around it.
/// </summary>
public sealed class SpatialRunTests
{
    private static readonly ImageSize Size = new(40, 30);

    [Fact]
    public void A_run_takes_the_most_precise_interpolation_and_the_first_border_fill_and_mask_fill_set()
    {
        var run = new SpatialRun(Size);
        run.Add(SpatialStep.Matrix(Matrix3x3.Translation(1, 0), Size)); // a flip-like step sets nothing
        run.Add(SpatialStep.Matrix(Matrix3x3.Identity, Size) with { Interpolation = Interpolation.Linear, Border = BorderMode.Reflect, Fill = [7], MaskFill = 9 });
        run.Add(SpatialStep.Matrix(Matrix3x3.Identity, Size) with { Interpolation = Interpolation.Cubic, Border = BorderMode.Constant, Fill = [1, 2, 3], MaskFill = 4 });
        run.Add(SpatialStep.Matrix(Matrix3x3.Identity, Size) with { Interpolation = Interpolation.Nearest });

        Assert.Equal(Interpolation.Cubic, run.Interpolation);
        Assert.Equal(BorderMode.Reflect, run.Border);
        Assert.NotEmpty(run.Fill);
        Assert.All(run.Fill, v => Assert.Equal(7, v)); // the first step's [7], not the second's [1, 2, 3]
        Assert.Equal(9, run.MaskFill);
    }

    [Fact]
    public void A_run_of_steps_without_choices_resamples_by_nearest_with_a_zero_constant_border()
    {
        var run = new SpatialRun(Size);
        run.Add(SpatialStep.Matrix(new Matrix3x3(-1, 0, Size.Width - 1, 0, 1, 0, 0, 0, 1), Size));

        Assert.Equal(Interpolation.Nearest, run.Interpolation);
        Assert.Equal(BorderMode.Constant, run.Border);
        Assert.NotEmpty(run.Fill);
        Assert.All(run.Fill, v => Assert.Equal(0, v));
        Assert.Null(run.MaskFill);
    }

    [Fact]
    public void Identity_needs_the_composed_matrix_to_be_the_identity_and_the_size_unchanged()
    {
        var flip = new Matrix3x3(-1, 0, Size.Width - 1, 0, 1, 0, 0, 0, 1);
        var cancelling = new SpatialRun(Size);
        cancelling.Add(SpatialStep.Matrix(flip, Size));
        Assert.False(cancelling.IsIdentity);
        cancelling.Add(SpatialStep.Matrix(flip, Size));
        Assert.True(cancelling.IsIdentity);

        var rotations = new SpatialRun(Size);
        rotations.Add(SpatialStep.Matrix(Matrix3x3.Rotation(23.4, 19.5, 14.5), Size));
        rotations.Add(SpatialStep.Matrix(Matrix3x3.Rotation(-23.4, 19.5, 14.5), Size));
        Assert.True(rotations.IsIdentity);

        var transposed = new SpatialRun(Size);
        transposed.Add(SpatialStep.Matrix(new Matrix3x3(0, 1, 0, 1, 0, 0, 0, 0, 1), new ImageSize(30, 40)));
        Assert.Equal(new ImageSize(30, 40), transposed.OutputSize);
        Assert.False(transposed.IsIdentity);

        var withField = new SpatialRun(Size);
        withField.Add(new SpatialStep(Matrix3x3.Identity, Size, ZeroField()));
        Assert.False(withField.IsIdentity); // a field is never taken for the identity, even a zero one
    }

    [Fact]
    public void A_displacement_field_composes_in_order_with_the_matrices_around_it()
    {
        // Output p samples the input at A^-1(B^-1(p) + d): with A = shift (5, 0), d = (2, 0) and
        // B = shift (0, 4), output (x, y) shows input (x - 3, y - 4), exactly at whole pixels.
        using var image = SyntheticImages.Random(Size.Width, Size.Height, 8, 3);
        var run = new SpatialRun(Size);
        run.Add(SpatialStep.Matrix(Matrix3x3.Translation(5, 0), Size) with { Interpolation = Interpolation.Linear });
        run.Add(new SpatialStep(Matrix3x3.Identity, Size, ConstantField(2, 0)));
        run.Add(SpatialStep.Matrix(Matrix3x3.Translation(0, 4), Size));

        using var output = run.ApplyToImage(image);

        AssertShifted(image, output, 3, 4);
    }

    [Fact]
    public void A_zero_field_leaves_the_matrix_warp_unchanged()
    {
        using var image = PipelineTestKit.LoadCentreCrop("astronaut.png", 64);
        var size = new ImageSize(image.Width, image.Height);
        var rotation = SpatialStep.Matrix(Matrix3x3.Rotation(17, 31.5, 31.5), size) with { Interpolation = Interpolation.Linear };
        var plain = new SpatialRun(size);
        plain.Add(rotation);
        var withField = new SpatialRun(size);
        withField.Add(rotation);
        withField.Add(new SpatialStep(Matrix3x3.Identity, size, new DisplacementField(size, new float[size.Width * size.Height], new float[size.Width * size.Height])));

        using var a = plain.ApplyToImage(image);
        using var b = withField.ApplyToImage(image);

        // warpAffine and remap both sample at 1/32 pixel but reach the coordinates by different arithmetic
        // (fixed point from the matrix vs float maps), so a sample position may differ by 1/32 pixel:
        // times the steepest edge (at most 255 levels a pixel) that is at most 8 levels. Measured: 0.8 %
        // of samples differ, by at most 5, mean 0.012. Bounds: max 8, mean 0.05.
        var differences = PipelineTestKit.Samples(a).Zip(PipelineTestKit.Samples(b), (x, y) => Math.Abs(x - y)).ToArray();
        Assert.True(differences.Max() <= 8 && differences.Average() <= 0.05, $"max {differences.Max()}, mean {differences.Average():F4}");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void A_shrinking_axis_aligned_crop_is_resized_and_mirrored_as_the_warp_samples_it(bool mirrorX, bool mirrorY)
    {
        // A crop of 36x30 at (10, 6) scaled by two thirds, then mirrored: the run takes cv::resize of the
        // crop (SpatialRun.AxisAlignedCrop), which samples the same pixel centres as the warp with
        // finer weights, so a value may differ by 1, not more; a mirror left out would differ by far more.
        using var image = PipelineTestKit.LoadCentreCrop("astronaut.png", 64);
        var (input, output) = (new ImageSize(image.Width, image.Height), new ImageSize(24, 20));
        const double s = 2.0 / 3;
        var crop = new Matrix3x3(s, 0, ((-10 + 0.5) * s) - 0.5, 0, s, ((-6 + 0.5) * s) - 0.5, 0, 0, 1);
        var mirror = new Matrix3x3(mirrorX ? -1 : 1, 0, mirrorX ? output.Width - 1 : 0, 0, mirrorY ? -1 : 1, mirrorY ? output.Height - 1 : 0, 0, 0, 1);
        var run = new SpatialRun(input);
        run.Add(SpatialStep.Matrix(crop, output) with { Interpolation = Interpolation.Linear });
        run.Add(SpatialStep.Matrix(mirror, output));

        using var resized = run.ApplyToImage(image);
        using var warped = Warp(image, mirror * crop, output);

        var differences = PipelineTestKit.Samples(resized).Zip(PipelineTestKit.Samples(warped), (a, b) => Math.Abs(a - b)).ToArray();
        Assert.Equal(output.Width * output.Height * image.Channels, differences.Length);
        Assert.True(differences.Max() <= 1, $"max {differences.Max()}, mean {differences.Average():F4}");
        Assert.Contains(1, differences); // and it was the resize: its finer weights move some values by 1
    }

    [Fact]
    public void An_enlarging_axis_aligned_crop_is_a_resize_of_the_crop()
    {
        // Enlarged, the outermost samples fall half a source pixel outside the crop. A resize of the
        // crop repeats its edge there, as a crop then a resize (Albumentations) does; a warp read beyond
        // the crop, and at the image's edge blended in the border's fill. Inside that outermost ring
        // the resize is the warp within 1 (finer weights).
        using var image = PipelineTestKit.LoadCentreCrop("astronaut.png", 64);
        var (input, output) = (new ImageSize(image.Width, image.Height), new ImageSize(40, 40));
        var zoom = new Matrix3x3(2, 0, ((-12 + 0.5) * 2) - 0.5, 0, 2, ((-20 + 0.5) * 2) - 0.5, 0, 0, 1);
        var run = new SpatialRun(input);
        run.Add(SpatialStep.Matrix(zoom, output) with { Interpolation = Interpolation.Linear });

        using var enlarged = run.ApplyToImage(image);
        using var resized = new ImageBuffer(image.Native.CropResize(12, 20, 20, 20, 40, 40, (int)Interpolation.Linear));
        using var warped = Warp(image, zoom, output);

        Assert.Equal(PipelineTestKit.Samples(resized), PipelineTestKit.Samples(enlarged));
        var (samples, warpedSamples, channels) = (PipelineTestKit.Samples(enlarged), PipelineTestKit.Samples(warped), image.Channels);
        var inner = Enumerable.Range(0, samples.Length)
            .Where(i => (i / channels % 40) is > 0 and < 39 && (i / channels / 40) is > 0 and < 39)
            .Select(i => Math.Abs(samples[i] - warpedSamples[i]))
            .ToArray();
        Assert.True(inner.Max() <= 1, $"inside the outermost ring a sample is {inner.Max()} from the warp's");
    }

    [Fact]
    public void A_displacement_field_is_interpolated_between_grid_points_and_clamped_outside()
    {
        var size = new ImageSize(2, 2);
        var field = new DisplacementField(size, [0, 4, 8, 12], [1, 1, 3, 3]);

        Assert.Equal((0.0, 1.0), field.At(0, 0));
        Assert.Equal((6.0, 2.0), field.At(0.5, 0.5));
        Assert.Equal((12.0, 3.0), field.At(5, 5));
        Assert.Equal((2.0, 1.0), field.At(0.5, -3));
        Assert.Throws<ArgumentException>(() => new DisplacementField(size, [0, 1, 2], [0, 1, 2, 3]));
    }

    [Fact]
    public void Masks_are_resampled_by_nearest_with_the_mask_fill_even_when_the_image_is_not()
    {
        using var mask = PipelineTestKit.FromSamples(Size.Width, Size.Height, 8, 1, Enumerable.Range(0, Size.Width * Size.Height).Select(i => (i / 7) % 5).ToArray());
        var run = new SpatialRun(Size);
        run.Add(SpatialStep.Matrix(Matrix3x3.Rotation(30, 19.5, 14.5), Size) with { Interpolation = Interpolation.Cubic, Border = BorderMode.Reflect });

        using var output = run.ApplyToMask(mask, 77);

        var labels = PipelineTestKit.Samples(output);
        Assert.Equal(77, labels[0]);
        Assert.All(labels.Distinct(), l => Assert.Contains(l, new[] { 0, 1, 2, 3, 4, 77 }));
    }

    private static ImageBuffer Warp(ImageBuffer image, Matrix3x3 forward, ImageSize output) =>
        new(image.Native.Warp(forward.Inverse().ToArray(), output.Width, output.Height, (int)Interpolation.Linear, (int)BorderMode.Constant, [0, 0, 0, 0]));

    private static DisplacementField ZeroField() => ConstantField(0, 0);

    private static DisplacementField ConstantField(float dx, float dy)
    {
        var count = Size.Width * Size.Height;
        return new DisplacementField(Size, Enumerable.Repeat(dx, count).ToArray(), Enumerable.Repeat(dy, count).ToArray());
    }

    private static void AssertShifted(ImageBuffer input, ImageBuffer output, int dx, int dy)
    {
        var bpp = input.BytesPerPixel;
        for (var y = dy; y < input.Height; y++)
        {
            for (var x = dx; x < input.Width; x++)
            {
                if (!input.Row(y - dy).Slice((x - dx) * bpp, bpp).SequenceEqual(output.Row(y).Slice(x * bpp, bpp)))
                {
                    Assert.Fail($"output ({x}, {y}) is not input ({x - dx}, {y - dy})");
                }
            }
        }
    }
}
