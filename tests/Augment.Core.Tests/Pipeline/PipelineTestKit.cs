using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Augment.Core.Config;
using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Ops;
using Augment.Core.Pipeline;
using Augment.Core.Randomness;
using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Pipeline;

/// <summary>
/// What the geometry and pipeline tests share: pipelines parsed from small augment.yaml texts (so the
/// tests go through the same binder users do), sample images and crops of them, and pixel access.
/// </summary>
internal static class PipelineTestKit
{
    public const ulong MasterSeed = 42;

    /// <summary>Parses a config whose pipeline is <paramref name="pipelineYaml"/> (list entries, one per line).</summary>
    public static AugmentConfig Config(string pipelineYaml, int maskFill = 0)
    {
        var indented = string.Join('\n', pipelineYaml.Trim().Split('\n').Select(line => "  " + line.TrimEnd()));
        var text = $"version: 1\nseed: {MasterSeed}\ninputs:\n  images: \"images/*.png\"\nmasks:\n  fill: {maskFill}\npipeline:\n{indented}\n";
        return AugmentConfigLoader.Parse(text, "augment.yaml");
    }

    public static IReadOnlyList<IOp> Pipeline(string pipelineYaml) => Config(pipelineYaml).Pipeline;

    public static IReadOnlyList<OpRecord> Sample(IReadOnlyList<IOp> pipeline, ImageBuffer image, string itemPath = "images/coins.png", int variant = 0) =>
        PipelineSampler.Sample(pipeline, ItemSeed.Derive(MasterSeed, itemPath, variant), ImageInfo.Of(image));

    public static RenderResult Render(IReadOnlyList<IOp> pipeline, IReadOnlyList<OpRecord> records, ImageBuffer image, double maskFill = 0, params ImageBuffer[] masks) =>
        PipelineRenderer.Render(pipeline, records, image, masks, maskFill);

    public static ImageBuffer Load(string sharedName) => ImageCodec.DecodeFile(SampleImages.PathOf(sharedName));

    /// <summary>A copy of the rectangle (x, y, width, height) of <paramref name="source"/>.</summary>
    public static ImageBuffer Crop(ImageBuffer source, int x, int y, int width, int height)
    {
        var crop = ImageBuffer.Create(width, height, source.DepthBits, source.Channels);
        var bpp = source.BytesPerPixel;
        for (var row = 0; row < height; row++)
        {
            source.Row(y + row).Slice(x * bpp, width * bpp).CopyTo(crop.Row(row));
        }

        return crop;
    }

    /// <summary>The sample, cropped to at most <paramref name="size"/> x <paramref name="size"/> about its centre.</summary>
    public static ImageBuffer LoadCentreCrop(string sharedName, int size)
    {
        using var full = Load(sharedName);
        var (w, h) = (Math.Min(size, full.Width), Math.Min(size, full.Height));
        return Crop(full, (full.Width - w) / 2, (full.Height - h) / 2, w, h);
    }

    /// <summary>An image of one value everywhere.</summary>
    public static ImageBuffer Filled(int width, int height, int depthBits, int channels, ushort value)
    {
        var image = ImageBuffer.Create(width, height, depthBits, channels);
        for (var y = 0; y < height; y++)
        {
            if (depthBits == 8)
            {
                image.Row(y).Fill((byte)value);
            }
            else
            {
                MemoryMarshal.Cast<byte, ushort>(image.Row(y)).Fill(value);
            }
        }

        return image;
    }

    /// <summary>Every sample as an int, row after row (16-bit samples read in the machine's byte order).</summary>
    public static int[] Samples(ImageBuffer image)
    {
        var perRow = image.Width * image.Channels;
        var samples = new int[perRow * image.Height];
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            for (var i = 0; i < perRow; i++)
            {
                samples[(y * perRow) + i] = image.DepthBits == 8 ? row[i] : MemoryMarshal.Cast<byte, ushort>(row)[i];
            }
        }

        return samples;
    }

    /// <summary>An image with the given samples (row after row).</summary>
    public static ImageBuffer FromSamples(int width, int height, int depthBits, int channels, IReadOnlyList<int> samples)
    {
        var image = ImageBuffer.Create(width, height, depthBits, channels);
        var perRow = width * channels;
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(y);
            for (var i = 0; i < perRow; i++)
            {
                var value = samples[(y * perRow) + i];
                if (depthBits == 8)
                {
                    row[i] = (byte)value;
                }
                else
                {
                    MemoryMarshal.Cast<byte, ushort>(row)[i] = (ushort)value;
                }
            }
        }

        return image;
    }

    public static string Hash(ImageBuffer image) =>
        $"{image}:{Convert.ToHexStringLower(SHA256.HashData(image.ToPackedArray()))}";

    /// <summary>
    /// The baseline fusion is measured against: each applied op rendered alone, in turn, from the same
    /// records, each render's output the next one's input: one resampling pass per op, as
    /// Albumentations and torchvision do.
    /// </summary>
    public static ImageBuffer RenderOneOpAtATime(IReadOnlyList<IOp> pipeline, IReadOnlyList<OpRecord> records, ImageBuffer source)
    {
        var current = source.Clone();
        foreach (var record in records.Where(r => r.Applied))
        {
            using var step = PipelineRenderer.Render(pipeline, [record], current, [], 0);
            current.Dispose();
            current = step.Image.Clone();
        }

        return current;
    }

    /// <summary>Every op of the pipeline by its path ("2", "2.1"), as records name them.</summary>
    public static IReadOnlyDictionary<string, IOp> OpsByPath(IReadOnlyList<IOp> pipeline) => OpPaths.Index(pipeline);

    /// <summary>
    /// The forward mapping (source pixel to output pixel) of the applied spatial records, composed
    /// independently of the renderer from each op's own Transform, and the output size.
    /// </summary>
    public static (Matrix3x3 Forward, ImageSize Size) ForwardMapping(IReadOnlyList<IOp> pipeline, IReadOnlyList<OpRecord> records, ImageInfo input)
    {
        var ops = OpsByPath(pipeline);
        var forward = Matrix3x3.Identity;
        var info = input;
        foreach (var record in records.Where(r => r.Applied))
        {
            if (ops[record.Path] is ISpatialOp spatial)
            {
                var step = spatial.Transform(record.Params!, info);
                forward = step.Forward * forward;
                info = info.WithSize(step.OutputSize);
            }
        }

        return (forward, info.Size);
    }

    /// <summary>Whether any applied spatial record maps through a displacement field (elastic, grid distortion).</summary>
    public static bool HasDisplacementField(IReadOnlyList<IOp> pipeline, IReadOnlyList<OpRecord> records, ImageInfo input)
    {
        var ops = OpsByPath(pipeline);
        var info = input;
        foreach (var record in records.Where(r => r.Applied))
        {
            if (ops[record.Path] is ISpatialOp spatial)
            {
                var step = spatial.Transform(record.Params!, info);
                if (step.Field is not null)
                {
                    return true;
                }

                info = info.WithSize(step.OutputSize);
            }
        }

        return false;
    }
}
